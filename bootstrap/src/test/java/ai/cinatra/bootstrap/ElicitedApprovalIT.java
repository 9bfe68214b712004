package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approval example answered by the person in their MCP client: the official TypeScript SDK
 * client declares elicitation, agent_run_resume without an answer asks it through
 * elicitation/create on the call's stream, and what the person accepts (or declines) decides the
 * run. The real jar, the real client, a local webhook receiver.
 */
class ElicitedApprovalIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "a long enough password";

  @TempDir Path workDir;

  @Test
  void thePersonAnswersTheApprovalInTheirClient_acceptingSends_decliningStops() throws Exception {
    Path client = NodeClients.install();
    List<String> deliveries = Collections.synchronizedList(new ArrayList<>());
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          deliveries.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    receiver.start();
    int port = CinatraJar.freePort();
    String base = "http://127.0.0.1:" + port;
    CinatraJar jar = new CinatraJar(workDir, Map.of("CINATRA_BASE_URL", base));
    try {
      jar.ok(
          PASSWORD + "\n",
          "account",
          "create",
          "--email",
          "member@example.org",
          "--role",
          "member");
      jar.installApprovalExample("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
      try (CinatraJar.Server server =
          jar.server(
              port,
              CinatraJar.freePort(),
              List.of("-Ddw.runs.pollingInterval=200ms", "-Ddw.mcp.clientRequestTimeout=30s"))) {
        Path stderr = Files.createTempFile("elicit", ".err");
        Process node =
            new ProcessBuilder(
                    "node", "sdk-elicit-approval.mjs", base, PASSWORD, "member@example.org")
                .directory(client.toFile())
                .redirectError(stderr.toFile())
                .start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(node.exitValue()).as(Files.readString(stderr)).isZero();
        JsonNode saw = JSON.readTree(output.lines().reduce((a, b) -> b).orElseThrow());

        JsonNode question = saw.at("/asked/0");
        assertThat(question.get("message").asText())
            .contains(
                "approve-and-notify waits for your approval at step 'approve'", "amount = 12");
        assertThat(question.at("/requestedSchema/properties/amount/default").asInt()).isEqualTo(12);
        assertThat(question.at("/requestedSchema/properties/decision/enum").toString())
            .isEqualTo("[\"approve\",\"reject\"]");
        assertThat(saw.get("asked")).hasSize(2);

        assertThat(saw.at("/accepted/resumedStatus").asText()).isEqualTo("running");
        assertThat(saw.at("/accepted/final/status").asText())
            .as(saw.toString())
            .isEqualTo("completed");
        assertThat(saw.at("/accepted/final/outputs/approve/note").asText())
            .isEqualTo("asked in the client");
        assertThat(saw.at("/declined/final/status").asText()).isEqualTo("stopped");
        assertThat(deliveries)
            .as("only the accepted run sent its payout, with the amount the person chose")
            .singleElement()
            .satisfies(d -> assertThat(d).contains("\"amount\":7", "asked in the client"));
      }
    } finally {
      receiver.stop(0);
    }
  }
}
