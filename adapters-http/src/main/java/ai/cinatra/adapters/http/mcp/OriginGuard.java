package ai.cinatra.adapters.http.mcp;

import ai.cinatra.application.port.in.oauth.ServerAddressQuery;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Guards the MCP endpoint against DNS rebinding, before authentication: a browser's Origin must be
 * this server or a page on this machine, and the Host must name this server or loopback. Requests
 * without Origin (every non-browser client) pass.
 */
final class OriginGuard {
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final ServerAddressQuery address;

  OriginGuard(ServerAddressQuery address) {
    this.address = address;
  }

  /** Why a request with these Host and Origin headers is refused, if it is. */
  Optional<String> refusal(String hostHeader, String origin) {
    String host = hostOf(hostHeader);
    if (host == null || !allowedHost(host)) {
      return Optional.of("this server does not answer to that Host");
    }
    if (origin != null && !allowedOrigin(origin)) {
      return Optional.of("requests from that Origin are not allowed");
    }
    return Optional.empty();
  }

  private boolean allowedHost(String host) {
    return LOOPBACK.contains(host) || host.equals(URI.create(address.current().issuer()).getHost());
  }

  private boolean allowedOrigin(String origin) {
    try {
      URI uri = URI.create(origin);
      if (uri.getHost() == null) {
        return false;
      }
      String host = uri.getHost().toLowerCase(Locale.ROOT);
      if (LOOPBACK.contains(host)) {
        return true;
      }
      URI base = URI.create(address.current().issuer());
      return uri.getScheme().equals(base.getScheme())
          && host.equals(base.getHost())
          && uri.getPort() == base.getPort();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The host part of a Host header, lower case, without the port; null when malformed. */
  static String hostOf(String header) {
    if (header == null || header.isBlank() || header.length() > 300) {
      return null;
    }
    String value = header.strip().toLowerCase(Locale.ROOT);
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      return end < 0 ? null : value.substring(0, end + 1);
    }
    int colon = value.indexOf(':');
    return colon < 0 ? value : value.substring(0, colon);
  }
}
