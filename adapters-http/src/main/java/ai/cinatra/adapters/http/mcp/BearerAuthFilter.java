package ai.cinatra.adapters.http.mcp;

import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.port.in.oauth.AuthenticateBearerUseCase;
import ai.cinatra.application.port.in.oauth.ServerAddressQuery;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.oauth.Scopes;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Authenticates every request to the MCP endpoint by its bearer token. A refusal is a 401 whose
 * WWW-Authenticate names the protected resource metadata (RFC 9728), so a client that knows nothing
 * can discover where to sign in, and, for a bad token, why (RFC 6750).
 */
@Priority(Priorities.AUTHENTICATION)
@McpAuthenticated
public final class BearerAuthFilter implements ContainerRequestFilter {
  /** The request property holding the authenticated {@link Actor}. */
  public static final String ACTOR = "cinatra.actor";

  private final AuthenticateBearerUseCase authenticate;
  private final ServerAddressQuery address;

  public BearerAuthFilter(AuthenticateBearerUseCase authenticate, ServerAddressQuery address) {
    this.authenticate = authenticate;
    this.address = address;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      request.abortWith(challenge(null, "a bearer token is required"));
      return;
    }
    try {
      Actor actor = authenticate.authenticate(header.substring(7).strip());
      request.setProperty(ACTOR, actor);
    } catch (OAuthException e) {
      request.abortWith(challenge(e.code().wireName(), e.getMessage()));
    }
  }

  private Response challenge(String error, String description) {
    String metadata = address.current().issuer() + "/.well-known/oauth-protected-resource/api/mcp";
    StringBuilder value =
        new StringBuilder("Bearer resource_metadata=\"")
            .append(metadata)
            .append("\", scope=\"")
            .append(Scopes.MCP_CONNECT + " " + Scopes.OFFLINE_ACCESS)
            .append('"');
    Map<String, String> body = new LinkedHashMap<>();
    if (error != null) {
      value
          .append(", error=\"")
          .append(error)
          .append("\", error_description=\"")
          .append(description.replace("\"", "'"))
          .append('"');
      body.put("error", error);
    } else {
      body.put("error", "invalid_token");
    }
    body.put("error_description", description);
    return Response.status(Response.Status.UNAUTHORIZED)
        .header("WWW-Authenticate", value.toString())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body)
        .build();
  }
}
