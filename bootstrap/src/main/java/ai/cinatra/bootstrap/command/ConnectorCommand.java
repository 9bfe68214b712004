package ai.cinatra.bootstrap.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code connector install FILE}, {@code connector webhook --url U [--name N] [--secret-header H]}
 * and {@code connector model --base-url U --model M}: configures connectors and the model; secrets
 * and keys are read from standard input and stored sealed.
 */
public final class ConnectorCommand<T extends Configuration> extends OneLineCommand<T> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_FILE_BYTES = 256 * 1024;

  /** Where connectors are configured; closed when the command ends. */
  public interface Connectors extends AutoCloseable {
    boolean configure(Map<String, Object> document, Optional<String> secret);

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
    Subparser install =
        kinds
            .addParser("install")
            .help(
                "a connector from a JSON document (webhook or http_api); when it names a"
                    + " secretHeader, the secret is read from standard input");
    addFileArgument(install);
    install.addArgument("document").help("the connector's JSON document");
    Subparser model =
        kinds
            .addParser("model")
            .help(
                "the OpenAI-compatible model agent model steps ask; the API key is read from stdin");
    addFileArgument(model);
    model.addArgument("--base-url").required(true).help("e.g. https://api.openai.com/v1");
    model.addArgument("--model").required(true).help("the model name");
    Subparser webhook =
        kinds.addParser("webhook").help("a webhook: its post operation sends JSON to the URL");
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
    switch (namespace.getString("connector-kind")) {
      case "model" -> model(namespace, configuration);
      case "install" -> install(readDocument(namespace.getString("document")), configuration);
      default -> {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", namespace.getString("name"));
        document.put("kind", "webhook");
        document.put("url", namespace.getString("url"));
        if (namespace.getString("secret_header") != null) {
          document.put("secretHeader", namespace.getString("secret_header"));
        }
        install(document, configuration);
      }
    }
  }

  private void model(Namespace namespace, T configuration) throws IOException {
    Optional<String> key = stdinLine();
    URI baseUrl = URI.create(namespace.getString("base_url"));
    try (Connectors connectors = opener.apply(configuration)) {
      connectors.configureModel(baseUrl, namespace.getString("model"), key);
    }
    System.out.printf(
        "model %s at %s configured%s%n",
        namespace.getString("model"), baseUrl.getHost(), key.isPresent() ? " with a key" : "");
  }

  private void install(Map<String, Object> document, T configuration) throws IOException {
    Optional<String> secret = Optional.empty();
    if (document.get("secretHeader") instanceof String header && !header.isBlank()) {
      secret = stdinLine();
      if (secret.isEmpty()) {
        throw new IllegalArgumentException(
            "the connector names secretHeader " + header + ": give the secret on standard input");
      }
    }
    try (Connectors connectors = opener.apply(configuration)) {
      boolean added = connectors.configure(document, secret);
      System.out.printf(
          "%s %s connector %s (%s)%n",
          added ? "configured" : "replaced",
          document.get("kind"),
          document.get("name"),
          URI.create(String.valueOf(document.get("url"))).getHost());
    }
  }

  private static Map<String, Object> readDocument(String file) throws IOException {
    Path path = Path.of(file);
    try {
      if (Files.size(path) > MAX_FILE_BYTES) {
        throw new IllegalArgumentException(file + " is larger than 256 KiB");
      }
      return JSON.readValue(Files.readString(path), new TypeReference<>() {});
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + " does not exist", e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file + " is not a JSON object: " + e.getOriginalMessage(), e);
    }
  }

  private static Optional<String> stdinLine() throws IOException {
    String line =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return line == null || line.isBlank() ? Optional.empty() : Optional.of(line.strip());
  }
}
