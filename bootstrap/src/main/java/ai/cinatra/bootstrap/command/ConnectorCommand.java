package ai.cinatra.bootstrap.command;

import io.dropwizard.core.Configuration;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code connector webhook --name N --url U [--secret-header H]}: configures a webhook connector;
 * with a secret header, the secret is read from standard input and stored sealed.
 */
public final class ConnectorCommand<T extends Configuration> extends ConfiguredCommand<T> {

  /** Where connectors are configured; closed when the command ends. */
  public interface Connectors extends AutoCloseable {
    boolean configureWebhook(
        String name, URI url, Optional<String> header, Optional<String> secret);

    @Override
    void close();
  }

  private final Class<T> configurationClass;
  private final Function<T, Connectors> opener;

  public ConnectorCommand(Class<T> configurationClass, Function<T, Connectors> opener) {
    super("connector", "Configure connectors");
    this.configurationClass = configurationClass;
    this.opener = opener;
  }

  @Override
  protected Class<T> getConfigurationClass() {
    return configurationClass;
  }

  @Override
  public void configure(Subparser subparser) {
    Subparser webhook =
        subparser
            .addSubparsers()
            .title("kinds")
            .dest("connector-kind")
            .addParser("webhook")
            .help(
                "a webhook: its post operation sends JSON to the URL (restart the server to list it)");
    addFileArgument(webhook);
    webhook
        .addArgument("--name")
        .setDefault("webhook")
        .help("the connector's name (default webhook)");
    webhook.addArgument("--url").required(true).help("where to post, http(s)");
    webhook
        .addArgument("--secret-header")
        .help("a header that carries a secret, read from standard input");
  }

  @Override
  protected void run(Bootstrap<T> bootstrap, Namespace namespace, T configuration)
      throws IOException {
    Optional<String> header = Optional.ofNullable(namespace.getString("secret_header"));
    Optional<String> secret = Optional.empty();
    if (header.isPresent()) {
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null || line.isBlank()) {
        throw new IllegalArgumentException("--secret-header needs the secret on standard input");
      }
      secret = Optional.of(line.strip());
    }
    String name = namespace.getString("name");
    URI url;
    try {
      url = URI.create(namespace.getString("url"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--url is not a URL: " + e.getMessage(), e);
    }
    try (Connectors connectors = opener.apply(configuration)) {
      boolean added = connectors.configureWebhook(name, url, header, secret);
      System.out.printf(
          "%s webhook connector %s posting to %s%n",
          added ? "configured" : "replaced", name, url.getHost());
    }
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    cli.getStdErr().println(OneLine.of(e));
  }
}
