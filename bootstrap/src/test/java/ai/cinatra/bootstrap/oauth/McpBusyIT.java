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
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String URL =
      "jdbc:h2:mem:busy" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";

  static final DropwizardAppExtension<CinatraConfiguration> APP =
      OAuthFlowContract.app(
          URL,
          "sa",
          ConfigOverride.config("mcp.testFixtures", "true"),
          ConfigOverride.config("mcp.maxConcurrentToolCalls", "1"),
          // Long enough never to free a slot by itself: the test frees them by answering.
          ConfigOverride.config("mcp.clientRequestTimeout", "5m"));

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
    // Each holds a slot until the test answers its elicitation: no time window to race.
    String waiting = McpEndpointContract.call(1, "test_elicitation", "{\"message\":\"wait\"}");
    List<SseReader> held = new ArrayList<>();
    List<String> questions = new ArrayList<>();
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
      // One call runs (and asks the client), the other waits in the queue behind it.
      questions.add(question(held.get(0)));
      HttpResponse<String> third =
          browser.send(
              "/api/mcp",
              "POST",
              waiting,
              token,
              session,
              Map.of("Accept", "application/json, text/event-stream"));
      assertThat(third.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(third.body()).at("/error/message").asText()).contains("busy");
      HttpResponse<String> plain =
          browser.postJsonWithBearer(
              "/api/mcp", McpEndpointContract.call(2, "whoami", null), token, session);
      OAuthFlowContract.assertToolAnswered(plain);

      // Answered, the running call finishes, the queued one runs and asks in turn; answered too,
      // both slots are free and a new call is taken again.
      for (int i = 0; i < 2; i++) {
        if (i == 1) {
          questions.add(question(held.get(1)));
        }
        HttpResponse<String> answer =
            browser.postJsonWithBearer(
                "/api/mcp",
                "{\"jsonrpc\":\"2.0\",\"id\":\""
                    + questions.get(i)
                    + "\",\"result\":{\"action\":\"decline\"}}",
                token,
                session);
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(held.get(i).nextContaining("action=decline", Duration.ofSeconds(10)))
            .as("call %d finished", i)
            .isNotNull();
      }
      HttpResponse<String> again =
          browser.send(
              "/api/mcp",
              "POST",
              McpEndpointContract.call(3, "test_tool_with_logging", null),
              token,
              session,
              Map.of("Accept", "application/json, text/event-stream"));
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.body()).contains("\"id\":3");
    } finally {
      held.forEach(SseReader::close);
    }
  }

  /** The id of the elicitation request a held call sends on its stream. */
  private static String question(SseReader stream) throws Exception {
    SseReader.Event asked = stream.nextContaining("elicitation/create", Duration.ofSeconds(10));
    assertThat(asked).as("the call asks the client").isNotNull();
    return JSON.readTree(asked.data()).get("id").asText();
  }
}
