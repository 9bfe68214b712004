package ai.cinatra.bootstrap.command;

import ai.cinatra.bootstrap.check.ConnectionCheck;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code check-connection --url URL --email E} (password on stdin): does what Claude's connector
 * does against a live server and says which step fails and why. Needs no configuration: it is a
 * client.
 */
public final class CheckConnectionCommand extends Command {
  public CheckConnectionCommand() {
    super("check-connection", "Connect to a Cinatra MCP URL as Claude would, and say what fails");
  }

  /** Exit 1 after the steps were printed: the lines said it all. */
  private static final class NotConnectable extends RuntimeException {
    NotConnectable() {
      super("", null, false, false);
    }
  }

  @Override
  public void configure(Subparser subparser) {
    subparser
        .addArgument("--url")
        .required(true)
        .help("the MCP Server URL, e.g. https://host/api/mcp");
    subparser.addArgument("--email").required(true).help("an account to sign in with");
    subparser
        .addArgument("--token")
        .help("also check an access token a client holds (why is it refused?)");
    subparser
        .addArgument("--client-metadata-url")
        .help("the client ID metadata document to try (default: claude.ai's, on a non-local URL)");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    BufferedReader stdin =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String password = Optional.ofNullable(stdin.readLine()).orElse("");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    boolean ok =
        new ConnectionCheck(
                new ConnectionCheck.Target(
                    namespace.getString("url"),
                    namespace.getString("email"),
                    password,
                    Optional.ofNullable(namespace.getString("token")),
                    Optional.ofNullable(namespace.getString("client_metadata_url"))),
                out,
                Clock.systemUTC())
            .run();
    if (!ok) {
      throw new NotConnectable();
    }
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (!(e instanceof NotConnectable)) {
      cli.getStdErr().println(OneLine.of(e));
    }
  }
}
