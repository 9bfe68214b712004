package ai.cinatra.bootstrap.command;

import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import java.util.function.Function;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code keys rotate}: puts a new token signing key in service on every node; tokens signed with
 * the previous key stay valid until they expire.
 */
public final class KeysCommand<T extends Configuration> extends OneLineCommand<T> {
  private final Function<T, String> rotate;

  /**
   * @param rotate rotates the keys of the configured database and returns the new key's id
   */
  public KeysCommand(Class<T> configurationClass, Function<T, String> rotate) {
    super("keys", "Manage the token signing keys", configurationClass);
    this.rotate = rotate;
  }

  @Override
  public void configure(Subparser subparser) {
    Subparser rotateParser =
        subparser
            .addSubparsers()
            .title("actions")
            .dest("keys-action")
            .addParser("rotate")
            .help("sign new tokens with a new key; the old one verifies until its tokens expire");
    addFileArgument(rotateParser);
  }

  @Override
  protected void run(Bootstrap<T> bootstrap, Namespace namespace, T configuration) {
    System.out.printf("new signing key %s is now in service%n", rotate.apply(configuration));
  }
}
