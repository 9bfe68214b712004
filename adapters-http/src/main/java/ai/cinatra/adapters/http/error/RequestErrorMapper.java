package ai.cinatra.adapters.http.error;

import ai.cinatra.adapters.http.oauth.OAuthError;
import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Requests Jersey refuses before a resource runs (an unknown path, a wrong method or content type,
 * an unreadable form) get the OAuth error JSON on OAuth endpoints, RFC 9457 problem details on the
 * REST admin API, and Dropwizard's usual JSON elsewhere.
 */
public final class RequestErrorMapper implements ExceptionMapper<WebApplicationException> {
  @Context private UriInfo uri;

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    if (original.hasEntity()) {
      return original;
    }
    int status = original.getStatus();
    String path = uri == null ? "" : uri.getPath();
    boolean oauth = path.startsWith("oauth/") && !path.startsWith("oauth/authorize");
    Response.ResponseBuilder response =
        Response.fromResponse(original).type(MediaType.APPLICATION_JSON_TYPE);
    if (path.startsWith("api/admin")) {
      return response
          .type(ProblemDetail.MEDIA_TYPE)
          .entity(
              ProblemDetail.of(
                  status, original.getStatusInfo().getReasonPhrase(), exception.getMessage()))
          .build();
    }
    if (oauth && status >= 400 && status < 500) {
      return response
          .header("Cache-Control", "no-store")
          .entity(new OAuthError("invalid_request", exception.getMessage()))
          .build();
    }
    return response.entity(new ErrorMessage(status, exception.getMessage())).build();
  }
}
