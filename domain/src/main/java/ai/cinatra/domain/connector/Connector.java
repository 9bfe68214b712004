package ai.cinatra.domain.connector;

import ai.cinatra.domain.error.InvalidValueException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An admin-configured integration whose operations are tools named {@code <name>_<operation>}. A
 * {@code webhook} has one operation, {@code post}: JSON to its URL. An {@code http_api} declares
 * its operations below its base URL. Calls go only to the URL's host; the secret, when there is
 * one, is kept sealed and sent in {@code secretHeader}, never shown.
 */
public record Connector(
    String name,
    Kind kind,
    URI url,
    Optional<String> secretHeader,
    Optional<String> sealedSecret,
    List<ConnectorOperation> operations,
    Instant createdAt) {

  /** The built-in kinds. */
  public enum Kind {
    WEBHOOK,
    HTTP_API;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code wire} (webhook, http_api). */
    public static Kind parse(Object wire) {
      for (Kind kind : values()) {
        if (kind.wireName().equals(wire)) {
          return kind;
        }
      }
      throw new InvalidValueException("a connector's kind is webhook or http_api");
    }
  }

  public static final int MAX_OPERATIONS = 50;
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,30}");
  private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9-]{1,64}");

  /** First words of the built-in tools: a connector named so could shadow one of them. */
  private static final Set<String> RESERVED =
      Set.of(
          "agent",
          "objects",
          "lists",
          "connectors",
          "accounts",
          "mcp",
          "audit",
          "whoami",
          "cinatra");

  public Connector {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidValueException(
          "a connector name is 1 to 31 lower-case letters, digits or '_', starting with a letter");
    }
    if (RESERVED.contains(name.split("_")[0])) {
      throw new InvalidValueException(
          "a connector name may not start with " + RESERVED + ": its tools would shadow ours");
    }
    if (kind == null || url == null || createdAt == null || operations == null) {
      throw new InvalidValueException("a connector has a kind, a URL and a creation time");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute()
        || !(scheme.equals("https") || scheme.equals("http"))
        || url.getHost() == null
        || url.getUserInfo() != null
        || url.getFragment() != null) {
      throw new InvalidValueException(
          "a connector URL is an absolute http(s) URL with a host, no credentials and no fragment");
    }
    if (secretHeader.isPresent() && !HEADER.matcher(secretHeader.get()).matches()) {
      throw new InvalidValueException("the secret header is a plain header name");
    }
    if (secretHeader.isPresent() != sealedSecret.isPresent()) {
      throw new InvalidValueException("a secret header and a secret come together");
    }
    if (kind == Kind.WEBHOOK) {
      operations = List.of(ConnectorOperation.webhookPost());
    } else if (operations.isEmpty() || operations.size() > MAX_OPERATIONS) {
      throw new InvalidValueException(
          "an http_api connector declares 1 to " + MAX_OPERATIONS + " operations");
    }
    Set<String> names = new HashSet<>();
    for (ConnectorOperation operation : operations) {
      if (!names.add(operation.name())) {
        throw new InvalidValueException(
            "connector " + name + ": operation " + operation.name() + " is declared twice");
      }
    }
    operations = List.copyOf(operations);
  }

  /** The operation called {@code operation}, if this connector offers it. */
  public Optional<ConnectorOperation> operation(String operation) {
    return operations.stream().filter(o -> o.name().equals(operation)).findFirst();
  }

  /**
   * Reads a connector document ({@code name, kind, url, secretHeader?, operations?}); the secret
   * comes separately, already sealed.
   */
  public static Connector parse(
      Map<String, Object> document, Optional<String> sealedSecret, Instant createdAt) {
    if (document == null) {
      throw new InvalidValueException("a connector is a JSON object");
    }
    Kind kind = Kind.parse(document.get("kind"));
    if (!(document.get("url") instanceof String url)) {
      throw new InvalidValueException("a connector has a string url");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new InvalidValueException("the connector url is not a URL: " + e.getReason());
    }
    List<ConnectorOperation> operations = new ArrayList<>();
    if (kind == Kind.HTTP_API) {
      if (!(document.get("operations") instanceof List<?> declared)) {
        throw new InvalidValueException("an http_api connector has a list of operations");
      }
      if (declared.size() > MAX_OPERATIONS) {
        throw new InvalidValueException(
            "an http_api connector declares 1 to " + MAX_OPERATIONS + " operations");
      }
      declared.forEach(raw -> operations.add(ConnectorOperation.parse(raw)));
    }
    return new Connector(
        document.get("name") instanceof String n ? n : null,
        kind,
        uri,
        Optional.ofNullable(
            document.get("secretHeader") instanceof String h && !h.isBlank() ? h : null),
        sealedSecret,
        operations,
        createdAt);
  }
}
