package ai.cinatra.domain.oauth;

import ai.cinatra.domain.error.InvalidValueException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * A client_id that is the URL of the client's metadata document
 * (draft-ietf-oauth-client-id-metadata-document): https, a host, a path other than "/", no
 * fragment, no user info, no dot segments. Plain http is allowed only on a loopback host, and only
 * when the server was told to allow it (tests and local development).
 */
public record ClientIdUrl(String value, URI uri) {
  /** Longer than any real client's document URL, short enough to store in every table. */
  public static final int MAX_LENGTH = 255;

  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

  public ClientIdUrl {
    if (value == null || uri == null || !value.equals(uri.toString())) {
      throw new InvalidValueException("a client id URL needs its text and its parsed form");
    }
  }

  /** Whether {@code text} is meant as a URL client id (then {@link #parse} says if it is one). */
  public static boolean isUrlShaped(String text) {
    return text != null
        && text.length() <= MAX_LENGTH
        && (text.startsWith("https://") || text.startsWith("http://"))
        && text.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }

  /**
   * Checks a client_id URL, saying exactly what is wrong with it.
   *
   * @param allowHttpLoopback whether http://localhost and http://127.0.0.1 are accepted (tests)
   */
  public static ClientIdUrl parse(String text, boolean allowHttpLoopback) {
    if (text == null || text.length() > MAX_LENGTH) {
      throw new InvalidValueException(
          "a client_id URL is at most " + MAX_LENGTH + " characters long");
    }
    if (!text.startsWith("https://") && !text.startsWith("http://")) {
      throw new InvalidValueException("the client_id URL must use https");
    }
    if (!isUrlShaped(text)) {
      throw new InvalidValueException(
          "the client_id URL has spaces or characters a URL cannot have");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new InvalidValueException("the client_id is not a valid URL");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getRawFragment() != null || text.contains("#")) {
      throw new InvalidValueException("the client_id URL must not have a fragment");
    }
    if (uri.getRawUserInfo() != null
        || uri.getRawAuthority() == null
        || uri.getRawAuthority().contains("@")) {
      throw new InvalidValueException("the client_id URL must not carry a user name or password");
    }
    if (uri.getHost() == null) {
      throw new InvalidValueException("the client_id URL has no host");
    }
    boolean loopback = LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
    if (scheme.equals("http")) {
      if (!(allowHttpLoopback && loopback)) {
        throw new InvalidValueException("the client_id URL must use https");
      }
    } else if (!scheme.equals("https")) {
      throw new InvalidValueException("the client_id URL must use https");
    }
    String path = uri.getRawPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      throw new InvalidValueException("the client_id URL must have a path, such as /client.json");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        throw new InvalidValueException("the client_id URL must not have . or .. path segments");
      }
    }
    return new ClientIdUrl(text, uri);
  }

  /** Whether this URL uses plain http on a loopback host (allowed only when switched on). */
  public boolean isHttpLoopback() {
    return uri.getScheme().equalsIgnoreCase("http");
  }

  /** The host the document came from, the part of the client's identity that is verified. */
  public String host() {
    return uri.getHost().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
