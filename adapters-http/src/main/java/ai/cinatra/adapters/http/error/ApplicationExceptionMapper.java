package ai.cinatra.adapters.http.error;

import ai.cinatra.application.error.ApplicationException;
import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.error.ForbiddenException;
import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.error.UpstreamException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Maps the application's error family to RFC 9457 problem details, once for every resource. */
public final class ApplicationExceptionMapper implements ExceptionMapper<ApplicationException> {

  @Override
  public Response toResponse(ApplicationException exception) {
    return problem(statusOf(exception), exception.getMessage());
  }

  /** The HTTP status of an application error; the MCP servlet answers with the same. */
  public static Response.Status statusOf(ApplicationException exception) {
    if (exception instanceof NotFoundException) {
      return Response.Status.NOT_FOUND;
    } else if (exception instanceof ForbiddenException) {
      return Response.Status.FORBIDDEN;
    } else if (exception instanceof ConflictException) {
      return Response.Status.CONFLICT;
    } else if (exception instanceof InvalidInputException) {
      return Response.Status.BAD_REQUEST;
    } else if (exception instanceof UpstreamException) {
      // A connector or the model provider failed: a gateway's error, not the caller's (RFC 9110).
      return Response.Status.BAD_GATEWAY;
    } else if (exception instanceof OAuthException oauth) {
      return Response.Status.fromStatusCode(oauth.code().httpStatus());
    }
    throw new IllegalStateException("unmapped application error " + exception.getClass());
  }

  static Response problem(Response.Status status, String detail) {
    return Response.status(status)
        .type(ProblemDetail.MEDIA_TYPE)
        .entity(ProblemDetail.of(status.getStatusCode(), status.getReasonPhrase(), detail))
        .build();
  }
}
