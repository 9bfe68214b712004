package ai.cinatra.adapters.http.error;

import ai.cinatra.domain.error.InvalidValueException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A broken domain invariant reached from a request is the caller's mistake: 400 with the reason.
 */
public final class InvalidValueExceptionMapper implements ExceptionMapper<InvalidValueException> {

  @Override
  public Response toResponse(InvalidValueException exception) {
    return ApplicationExceptionMapper.problem(Response.Status.BAD_REQUEST, exception.getMessage());
  }
}
