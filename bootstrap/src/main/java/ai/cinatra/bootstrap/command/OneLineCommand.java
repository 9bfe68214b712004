package ai.cinatra.bootstrap.command;

import io.dropwizard.core.Configuration;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import net.sourceforge.argparse4j.inf.Namespace;

/** A configured command that answers a failure with one line, never a stack trace. */
abstract class OneLineCommand<T extends Configuration> extends ConfiguredCommand<T> {
  private final Class<T> configurationClass;

  OneLineCommand(String name, String description, Class<T> configurationClass) {
    super(name, description);
    this.configurationClass = configurationClass;
  }

  @Override
  protected final Class<T> getConfigurationClass() {
    return configurationClass;
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    cli.getStdErr().println(OneLine.of(e));
  }
}
