package ai.cinatra.bootstrap.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.persistence.JdbiSetup;
import ai.cinatra.bootstrap.CinatraConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With mcp.streams off, GET /api/mcp is 405 and interactive tools answer with plain JSON. */
@ExtendWith(DropwizardExtensionsSupport.class)
class McpStreamsOffIT {
  private static final String URL =
      "jdbc:h2:mem:streamsoff" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";

  static final DropwizardAppExtension<CinatraConfiguration> APP =
      OAuthFlowContract.app(
          URL,
          "sa",
          ConfigOverride.config("mcp.testFixtures", "true"),
          ConfigOverride.config("mcp.streams", "false"));

  @Test
  void getIs405_andInteractiveToolsAnswerWithJson() throws Exception {
    String base = "http://127.0.0.1:" + APP.getLocalPort();
    Jdbi database = JdbiSetup.configure(Jdbi.create(URL, "sa", ""));
    String token = McpEndpointContract.tokenFor(base, database, "off@example.org");
    Browser browser = new Browser(base);
    HttpResponse<String> init =
        browser.postJsonWithBearer("/api/mcp", OAuthFlowContract.INITIALIZE, token, null);
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();

    HttpResponse<String> get =
        browser.send(
            "/api/mcp", "GET", null, token, session, Map.of("Accept", "text/event-stream"));
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).contains("POST, DELETE");

    HttpResponse<String> progress =
        browser.postJsonWithBearer(
            "/api/mcp",
            McpEndpointContract.call(1, "test_tool_with_progress", "{}"),
            token,
            session);
    assertThat(progress.headers().firstValue("Content-Type").orElseThrow()).contains("json");
    assertThat(progress.body()).contains("Progress reported");
  }
}
