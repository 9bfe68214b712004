package ai.cinatra.adapters.http.oauth;

import ai.cinatra.application.port.in.oauth.Introspection;
import ai.cinatra.application.port.in.oauth.RevokeAndIntrospectUseCase;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** Token revocation (RFC 7009) and introspection (RFC 7662). */
@Path("/oauth")
public final class RevocationResource {
  private final RevokeAndIntrospectUseCase tokens;

  public RevocationResource(RevokeAndIntrospectUseCase tokens) {
    this.tokens = tokens;
  }

  @POST
  @Path("revoke")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public Response revoke(
      MultivaluedMap<String, String> form, @HeaderParam("Authorization") String authorization) {
    tokens.revoke(
        OAuthForms.clientCredentials(form, authorization), OAuthForms.single(form, "token"));
    // RFC 7009 2.2: 200 whether or not the token was known, so the answer reveals nothing.
    return Response.ok().header("Cache-Control", "no-store").build();
  }

  @POST
  @Path("introspect")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public Response introspect(
      MultivaluedMap<String, String> form, @HeaderParam("Authorization") String authorization) {
    Introspection answer =
        tokens.introspect(
            OAuthForms.clientCredentials(form, authorization), OAuthForms.single(form, "token"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("active", answer.active());
    answer.tokenType().ifPresent(v -> body.put("token_type", v));
    answer.clientId().ifPresent(v -> body.put("client_id", v));
    answer.subject().ifPresent(v -> body.put("sub", v));
    answer.scope().ifPresent(v -> body.put("scope", v));
    answer.audience().ifPresent(v -> body.put("aud", v));
    answer.expiresAt().ifPresent(v -> body.put("exp", v.getEpochSecond()));
    return Response.ok(body).header("Cache-Control", "no-store").build();
  }
}
