package ai.cinatra.adapters.http.mcp;

import ai.cinatra.application.port.in.oauth.ServerAddressQuery;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guards the MCP endpoint against DNS rebinding, before authentication: a browser's Origin must be
 * this server or a page on this machine, and the Host must name this server or loopback. Requests
 * without Origin (every non-browser client) pass.
 */
@Priority(Priorities.AUTHENTICATION - 100)
@McpAuthenticated
public final class McpOriginFilter implements ContainerRequestFilter {
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final ServerAddressQuery address;

  public McpOriginFilter(ServerAddressQuery address) {
    this.address = address;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String host = hostOf(request.getHeaderString("Host"));
    if (host == null || !allowedHost(host)) {
      request.abortWith(forbidden("this server does not answer to that Host"));
      return;
    }
    String origin = request.getHeaderString("Origin");
    if (origin != null && !allowedOrigin(origin)) {
      request.abortWith(forbidden("requests from that Origin are not allowed"));
    }
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

  private static Response forbidden(String message) {
    return Response.status(Response.Status.FORBIDDEN)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("jsonrpc", "2.0", "error", Map.of("code", -32600, "message", message)))
        .build();
  }
}
