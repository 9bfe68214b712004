package ai.cinatra.adapters.http.oauth;

import ai.cinatra.application.error.OAuthException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Answers an OAuth refusal as the RFCs say: the code, a description, and no caching. */
public final class OAuthExceptionMapper implements ExceptionMapper<OAuthException> {

  @Override
  public Response toResponse(OAuthException exception) {
    Response.ResponseBuilder response =
        Response.status(exception.code().httpStatus())
            .type(MediaType.APPLICATION_JSON_TYPE)
            .header("Cache-Control", "no-store")
            .header("Pragma", "no-cache")
            .entity(new OAuthError(exception.code().wireName(), exception.getMessage()));
    if (exception.code() == OAuthException.Code.SLOW_DOWN) {
      response.header("Retry-After", "60");
    }
    if (exception.code() == OAuthException.Code.INVALID_CLIENT) {
      // RFC 6749 section 5.2: a 401 for client authentication names the scheme to use.
      response.header("WWW-Authenticate", "Basic realm=\"cinatra\"");
    }
    return response.build();
  }
}
