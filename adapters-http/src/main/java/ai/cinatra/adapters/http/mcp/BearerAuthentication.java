package ai.cinatra.adapters.http.mcp;

import ai.cinatra.adapters.http.oauth.BearerToken;
import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.port.in.oauth.AuthenticateBearerUseCase;
import ai.cinatra.application.port.in.oauth.ServerAddressQuery;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.oauth.Scopes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Authenticates a request by its bearer token. A refusal is a {@link BearerChallenge} whose
 * WWW-Authenticate names the protected resource metadata (RFC 9728), so a client that knows nothing
 * can discover where to sign in, and, for a bad token, why (RFC 6750).
 */
public final class BearerAuthentication {
  private final AuthenticateBearerUseCase authenticate;
  private final ServerAddressQuery address;

  public BearerAuthentication(AuthenticateBearerUseCase authenticate, ServerAddressQuery address) {
    this.authenticate = authenticate;
    this.address = address;
  }

  /** The account and client behind an Authorization header's bearer token. */
  public Actor authenticate(String authorization) {
    String token =
        BearerToken.of(authorization)
            .orElseThrow(() -> challenge(null, "a bearer token is required"));
    try {
      return authenticate.authenticate(token);
    } catch (OAuthException e) {
      throw challenge(e.code().wireName(), e.getMessage());
    }
  }

  private BearerChallenge challenge(String error, String description) {
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
    }
    body.put("error", error == null ? "invalid_token" : error);
    body.put("error_description", description);
    return new BearerChallenge(value.toString(), body);
  }
}
