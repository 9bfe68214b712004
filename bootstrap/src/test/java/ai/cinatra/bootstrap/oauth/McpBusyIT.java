package ai.cinatra.bootstrap.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.persistence.JdbiSetup;
import ai.cinatra.bootstrap.CinatraConfiguration;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Interactive tool calls are bounded per node (mcp.maxConcurrentToolCalls): past the bound, and a
 * queue as long, a call is answered 503 with a JSON-RPC error, and the node keeps serving.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class McpBusyIT {
  private static final String URL =
      "jdbc:h2:mem:busy" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";

  static final DropwizardAppExtension<CinatraConfiguration> APP =
      OAuthFlowContract.app(
          URL,
          "sa",
          ConfigOverride.config("mcp.testFixtures", "true"),
          ConfigOverride.config("mcp.maxConcurrentToolCalls", "1"),
          ConfigOverride.config("mcp.clientRequestTimeout", "2s"));

  @Test
  void callsPastTheBound_areToldTheServerIsBusy() throws Exception {
    String base = "http://127.0.0.1:" + APP.getLocalPort();
    Jdbi database = JdbiSetup.configure(Jdbi.create(URL, "sa", ""));
    String token = McpEndpointContract.tokenFor(base, database, "busy@example.org");
    Browser browser = new Browser(base);
    String session =
        browser
            .postJsonWithBearer(
                "/api/mcp",
                OAuthFlowContract.INITIALIZE.replace(
                    "\"capabilities\":{}", "\"capabilities\":{\"elicitation\":{}}"),
                token,
                null)
            .headers()
            .firstValue("Mcp-Session-Id")
            .orElseThrow();
    // Each waits for an answer to its elicitation that never comes (until the 2 s timeout).
    String waiting = McpEndpointContract.call(1, "test_elicitation", "{\"message\":\"wait\"}");
    List<SseReader> held = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        held.add(
            new SseReader(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/mcp"))
                    .header("Authorization", "Bearer " + token)
                    .header("Mcp-Session-Id", session)
                    .header("Accept", "application/json, text/event-stream")
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(waiting))
                    .build()));
        assertThat(held.get(i).next(Duration.ofSeconds(5))).isNotNull(); // its priming event
      }
      HttpResponse<String> third =
          browser.send(
              "/api/mcp",
              "POST",
              waiting,
              token,
              session,
              Map.of("Accept", "application/json, text/event-stream"));
      assertThat(third.statusCode()).isEqualTo(503);
      assertThat(new ObjectMapper().readTree(third.body()).at("/error/message").asText())
          .contains("busy");
      HttpResponse<String> plain =
          browser.postJsonWithBearer(
              "/api/mcp", McpEndpointContract.call(2, "whoami", null), token, session);
      assertThat(plain.statusCode()).isEqualTo(200);
    } finally {
      held.forEach(SseReader::close);
    }
  }
}
