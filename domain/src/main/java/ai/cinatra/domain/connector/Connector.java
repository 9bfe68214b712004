package ai.cinatra.domain.connector;

import ai.cinatra.domain.error.InvalidValueException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An admin-configured integration. A {@code webhook} has one operation, {@code post}: JSON to its
 * URL. Calls go only to that URL; the secret, when there is one, is kept sealed and sent in {@code
 * secretHeader}, never shown.
 */
public record Connector(
    String name,
    Kind kind,
    URI url,
    Optional<String> secretHeader,
    Optional<String> sealedSecret,
    Instant createdAt) {

  /** The built-in kinds. */
  public enum Kind {
    WEBHOOK;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,30}");
  private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9-]{1,64}");

  public Connector {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidValueException(
          "a connector name is 1 to 31 lower-case letters or digits, starting with a letter");
    }
    if (kind == null || url == null || createdAt == null) {
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
  }

  /** The operations this connector offers, each a tool named {@code <name>_<operation>}. */
  public List<String> operations() {
    return List.of("post");
  }
}
