package ai.cinatra.adapters.http.oauth;

import ai.cinatra.application.port.in.oauth.JwksQuery;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** The public signing keys (RFC 7517), current and recently retired. */
@Path("/oauth/jwks")
public final class JwksResource {
  private final JwksQuery keys;

  public JwksResource(JwksQuery keys) {
    this.keys = keys;
  }

  @GET
  @Produces("application/jwk-set+json")
  public Response jwks() {
    // Short caching: a rotation on any node shows here within minutes.
    return Response.ok(keys.jwks()).header("Cache-Control", "public, max-age=300").build();
  }
}
