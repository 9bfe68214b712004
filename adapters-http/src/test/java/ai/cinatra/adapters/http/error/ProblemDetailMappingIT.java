package ai.cinatra.adapters.http.error;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.http.TestHttpApplication;
import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.error.ForbiddenException;
import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.domain.error.InvalidValueException;
import io.dropwizard.core.Configuration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(DropwizardExtensionsSupport.class)
class ProblemDetailMappingIT {

  /** Throws the error named in the path, as a use case would. */
  @Path("/throw")
  public static class ThrowingResource {
    @GET
    @Path("{kind}")
    public String fail(@PathParam("kind") String kind) {
      throw switch (kind) {
        case "not-found" -> new NotFoundException("no such thing");
        case "forbidden" -> new ForbiddenException("not for you");
        case "conflict" -> new ConflictException("already there");
        case "invalid-input" -> new InvalidInputException("bad cursor");
        case "invalid-value" -> new InvalidValueException("not an email address: x");
        default -> new IllegalStateException("secret internal detail");
      };
    }
  }

  static final DropwizardAppExtension<Configuration> APP =
      TestHttpApplication.serving(new ThrowingResource());

  @ParameterizedTest
  @CsvSource({
    "not-found, 404, Not Found, no such thing",
    "forbidden, 403, Forbidden, not for you",
    "conflict, 409, Conflict, already there",
    "invalid-input, 400, Bad Request, bad cursor",
    "invalid-value, 400, Bad Request, not an email address: x"
  })
  void eachErrorKind_becomesAProblemDetail(String kind, int status, String title, String detail) {
    Response response = APP.client().target(url(kind)).request().get();

    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
    assertThat(response.readEntity(Map.class))
        .containsEntry("type", "about:blank")
        .containsEntry("title", title)
        .containsEntry("status", status)
        .containsEntry("detail", detail);
  }

  @org.junit.jupiter.api.Test
  void unexpectedError_is500WithoutItsMessageOrStackTrace() {
    Response response = APP.client().target(url("boom")).request().get();

    assertThat(response.getStatus()).isEqualTo(500);
    String body = response.readEntity(String.class);
    assertThat(body).doesNotContain("secret internal detail").doesNotContain("at ai.cinatra");
  }

  private static String url(String kind) {
    return "http://127.0.0.1:" + APP.getLocalPort() + "/throw/" + kind;
  }
}
