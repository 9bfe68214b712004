package ai.cinatra.domain.oauth;

import ai.cinatra.domain.error.InvalidValueException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A redirect URI a client registered: https anywhere, http only on loopback, or a native app's
 * private-use scheme (RFC 8252 section 7.1); never a fragment. Matching is exact, except that a
 * loopback http URI matches on any port (RFC 8252 section 7.3).
 */
public record RedirectUri(String value) {
  public static final int MAX_LENGTH = 2000;

  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

  /** Schemes a browser would run or read rather than hand to an app: never a redirect target. */
  private static final Set<String> FORBIDDEN_SCHEMES =
      Set.of("javascript", "data", "file", "vbscript", "about", "blob", "filesystem", "ws", "wss");

  public RedirectUri {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException("redirect URI is empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidValueException("redirect URI is longer than " + MAX_LENGTH + " characters");
    }
    URI uri = parse(value);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getRawFragment() != null || value.contains("#")) {
      throw new InvalidValueException("redirect URI " + value + " has a fragment");
    }
    if (scheme.equals("https")) {
      requireHost(uri, value);
    } else if (scheme.equals("http")) {
      requireHost(uri, value);
      if (!LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
        throw new InvalidValueException(
            "redirect URI " + value + " uses http on a host other than loopback; use https");
      }
    } else if (FORBIDDEN_SCHEMES.contains(scheme)) {
      throw new InvalidValueException("redirect URI " + value + " uses a forbidden scheme");
    }
  }

  private static URI parse(String value) {
    try {
      URI uri = new URI(value);
      if (!uri.isAbsolute() || uri.isOpaque()) {
        throw new InvalidValueException("redirect URI " + value + " is not an absolute URI");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidValueException("redirect URI " + value + " is not a valid URI");
    }
  }

  private static void requireHost(URI uri, String value) {
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw new InvalidValueException("redirect URI " + value + " needs a host and no user info");
    }
  }

  /** True when this is an http URI on a loopback host, where the port may vary per request. */
  public boolean isLoopback() {
    URI uri = URI.create(value);
    return "http".equalsIgnoreCase(uri.getScheme())
        && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
  }

  /** The host a person is sent to, shown on the consent page; the scheme for private-use URIs. */
  public String displayHost() {
    URI uri = URI.create(value);
    return uri.getHost() != null ? uri.getHost() : uri.getScheme() + ":";
  }

  /**
   * Whether a redirect URI sent at authorization time is this registered one: the same string, or
   * for loopback the same scheme, host, path and query on any port.
   */
  public boolean matches(String requested) {
    if (value.equals(requested)) {
      return true;
    }
    if (requested == null || !isLoopback()) {
      return false;
    }
    try {
      URI registered = URI.create(value);
      URI asked = new URI(requested);
      return "http".equalsIgnoreCase(asked.getScheme())
          && registered.getHost().equalsIgnoreCase(Objects.requireNonNullElse(asked.getHost(), ""))
          && asked.getRawUserInfo() == null
          && asked.getRawFragment() == null
          && Objects.equals(registered.getRawPath(), asked.getRawPath())
          && Objects.equals(registered.getRawQuery(), asked.getRawQuery());
    } catch (URISyntaxException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
