package ai.cinatra.bootstrap.command;

import io.dropwizard.core.Configuration;
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
public final class ConnectorCommand<T extends Configuration> extends OneLineCommand<T> {

  /** Where connectors are configured; closed when the command ends. */
  public interface Connectors extends AutoCloseable {
    boolean configureWebhook(
        String name, URI url, Optional<String> header, Optional<String> secret);

    void configureModel(URI baseUrl, String model, Optional<String> apiKey);

    @Override
    void close();
  }

  private final Function<T, Connectors> opener;

  public ConnectorCommand(Class<T> configurationClass, Function<T, Connectors> opener) {
    super("connector", "Configure connectors", configurationClass);
    this.opener = opener;
  }

  @Override
  public void configure(Subparser subparser) {
    var kinds = subparser.addSubparsers().title("kinds").dest("connector-kind");
    Subparser model =
        kinds
            .addParser("model")
            .help(
                "the OpenAI-compatible model agent model steps ask; the API key is read from stdin");
    addFileArgument(model);
    model.addArgument("--base-url").required(true).help("e.g. https://api.openai.com/v1");
    model.addArgument("--model").required(true).help("the model name");
    Subparser webhook =
        kinds
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
    if ("model".equals(namespace.getString("connector-kind"))) {
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      Optional<String> key =
          line == null || line.isBlank() ? Optional.empty() : Optional.of(line.strip());
      URI baseUrl = URI.create(namespace.getString("base_url"));
      try (Connectors connectors = opener.apply(configuration)) {
        connectors.configureModel(baseUrl, namespace.getString("model"), key);
      }
      System.out.printf(
          "model %s at %s configured%s%n",
          namespace.getString("model"), baseUrl.getHost(), key.isPresent() ? " with a key" : "");
      return;
    }
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
}
