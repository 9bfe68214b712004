package ai.cinatra.adapters.http.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem details body, the one error shape of the REST API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetail(String type, String title, int status, String detail) {
  public static final String MEDIA_TYPE = "application/problem+json";

  /** A problem that says no more than its HTTP status and the detail given. */
  public static ProblemDetail of(int status, String title, String detail) {
    return new ProblemDetail("about:blank", title, status, detail);
  }
}
