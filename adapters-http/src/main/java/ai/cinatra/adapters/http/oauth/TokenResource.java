package ai.cinatra.adapters.http.oauth;

import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.error.OAuthException.Code;
import ai.cinatra.application.port.in.oauth.ClientCredentials;
import ai.cinatra.application.port.in.oauth.TokenResponse;
import ai.cinatra.application.port.in.oauth.TokenUseCase;
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

/** The token endpoint (RFC 6749 section 3.2): form in, JSON out, never cached. */
@Path("/oauth/token")
public final class TokenResource {
  private final TokenUseCase tokens;

  public TokenResource(TokenUseCase tokens) {
    this.tokens = tokens;
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public Response token(
      MultivaluedMap<String, String> form, @HeaderParam("Authorization") String authorization) {
    ClientCredentials client = OAuthForms.clientCredentials(form, authorization);
    String grantType = OAuthForms.single(form, "grant_type");
    TokenResponse response =
        switch (grantType == null ? "" : grantType) {
          case "authorization_code" ->
              tokens.exchangeCode(
                  client,
                  OAuthForms.single(form, "code"),
                  OAuthForms.single(form, "redirect_uri"),
                  OAuthForms.single(form, "code_verifier"),
                  OAuthForms.single(form, "resource"));
          case "refresh_token" ->
              tokens.refresh(
                  client,
                  OAuthForms.single(form, "refresh_token"),
                  OAuthForms.single(form, "resource"));
          case "" -> throw new OAuthException(Code.INVALID_REQUEST, "grant_type is required");
          default ->
              throw new OAuthException(
                  Code.UNSUPPORTED_GRANT_TYPE,
                  "grant_type must be authorization_code or refresh_token");
        };
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", response.accessToken());
    body.put("token_type", "Bearer");
    body.put("expires_in", response.expiresInSeconds());
    response.refreshToken().ifPresent(r -> body.put("refresh_token", r));
    body.put("scope", response.scope());
    return Response.ok(body)
        .header("Cache-Control", "no-store")
        .header("Pragma", "no-cache")
        .build();
  }
}
