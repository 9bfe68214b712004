package ai.cinatra.adapters.http.admin;

import ai.cinatra.adapters.http.error.ProblemDetail;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A request body that is not the JSON an operation expects: a 400 problem detail naming what is
 * wrong (ahead of Dropwizard's own mapper, which answers in another shape).
 */
@Priority(1)
public final class AdminErrorsMapper implements ExceptionMapper<JsonProcessingException> {
  @Override
  public Response toResponse(JsonProcessingException e) {
    String detail = e.getOriginalMessage();
    if (detail != null && detail.length() > 300) {
      detail = detail.substring(0, 300) + "…";
    }
    return Response.status(Response.Status.BAD_REQUEST)
        .type(ProblemDetail.MEDIA_TYPE)
        .entity(
            ProblemDetail.of(
                400, "Bad Request", "the request body is not the expected JSON: " + detail))
        .build();
  }
}
