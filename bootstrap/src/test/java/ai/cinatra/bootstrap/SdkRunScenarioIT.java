package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 5's whole scenario through the real jar and the official TypeScript SDK client
 * (sdk-run-scenario.mjs), on the embedded database and on PostgreSQL: a member runs the approval
 * example to the end with the server killed (-9) and restarted between the approval and the call,
 * and the local receiver gets the webhook exactly once; a viewer reads but every write is refused;
 * another member sees only their own runs; an admin sees every run; a demotion acts on the member's
 * very next call.
 *
 * <p>To make the kill land between the approval and the call every time, the approval is taken by a
 * node that runs no workers ({@code runs.workerThreads: 0}): the run is stored as running with its
 * job due, and no call can have been made, when that node is killed. The node that comes back
 * executes it.
 */
class SdkRunScenarioIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "a long enough password";
  private static final List<String> WORKERS =
      List.of("-Ddw.runs.heartbeatInterval=1s", "-Ddw.runs.pollingInterval=200ms");
  private static final List<String> NO_WORKERS = List.of("-Ddw.runs.workerThreads=0");
  private static Path client;

  @TempDir Path workDir;

  @BeforeAll
  static void installTheSdk() throws Exception {
    client = NodeClients.install();
  }

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void theApprovalExample_endToEnd_withAKillBetweenApprovalAndCall_andEveryRoleAsItMayAct(String db)
      throws Exception {
    List<String> deliveries = Collections.synchronizedList(new ArrayList<>());
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          deliveries.add(
              exchange.getRequestHeaders().getFirst("Idempotency-Key")
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    receiver.start();
    String schema = db.equals("postgresql") ? TestPostgres.createSchema("scenario") : null;
    int port = CinatraJar.freePort();
    int adminPort = CinatraJar.freePort();
    String base = "http://127.0.0.1:" + port;
    Map<String, String> environment =
        schema == null
            ? Map.of("CINATRA_BASE_URL", base)
            : TestPostgres.jarEnvironment(schema, base);
    CinatraJar jar = new CinatraJar(workDir, environment);
    CinatraJar.Server server = null;
    try {
      for (String[] account :
          List.of(
              new String[] {"member@example.org", "member"},
              new String[] {"viewer@example.org", "viewer"},
              new String[] {"other@example.org", "member"},
              new String[] {"admin@example.org", "admin"})) {
        jar.ok(PASSWORD + "\n", "account", "create", "--email", account[0], "--role", account[1]);
      }
      jar.installApprovalExample("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
      server = jar.server(port, adminPort, WORKERS);

      Path stderr = Files.createTempFile("sdk-scenario", ".err");
      Process node =
          new ProcessBuilder(
                  "node",
                  "sdk-run-scenario.mjs",
                  base,
                  PASSWORD,
                  "member@example.org",
                  "viewer@example.org",
                  "other@example.org",
                  "admin@example.org")
              .directory(client.toFile())
              .redirectError(stderr.toFile())
              .start();
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
      Writer answers = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
      JsonNode saw = null;
      String line;
      while ((line = lines.readLine()) != null) {
        JsonNode message = JSON.readTree(line);
        String waitingFor = message.path("waitingFor").asText("");
        if (waitingFor.equals("approval-node")) {
          server.kill();
          server = jar.server(port, adminPort, NO_WORKERS);
        } else if (waitingFor.equals("kill")) {
          assertThat(deliveries).as("no call before the kill").isEmpty();
          server.kill();
          server = jar.server(port, adminPort, WORKERS);
        } else {
          saw = message;
          break;
        }
        answers.write("go\n");
        answers.flush();
      }
      assertThat(node.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(node.exitValue()).as(Files.readString(stderr)).isZero();
      assertThat(saw).as(Files.readString(stderr)).isNotNull();

      String runId = saw.get("runId").asText();
      assertThat(saw.get("startedStatus").asText()).isEqualTo("queued");
      assertThat(saw.at("/proposed/amount").asInt()).isEqualTo(12);
      assertThat(saw.get("interrupted").asBoolean()).isTrue();
      assertThat(saw.get("resumedStatus").asText()).isEqualTo("running");
      assertThat(saw.get("notResumable").asText()).contains("not waiting for approval");
      assertThat(saw.at("/final/status").asText()).as(saw.toString()).isEqualTo("completed");
      assertThat(saw.get("statuses").toString()).contains("pending_approval", "completed");
      assertThat(saw.at("/final/outputs/approve/note").asText()).isEqualTo("fine by me");
      assertThat(deliveries)
          .as("the webhook arrived exactly once, after the restart")
          .singleElement()
          .satisfies(d -> assertThat(d).startsWith(runId + ":notify ").contains("\"Ada\""));

      JsonNode viewer = saw.get("viewer");
      assertThat(viewer.get("agents").toString()).contains("approve-and-notify");
      assertThat(viewer.get("refusedSave").asText()).contains("viewer");
      assertThat(viewer.get("refusedRun").asText()).contains("viewer");
      assertThat(viewer.get("refusedListCreate").asText()).contains("viewer");
      // Runs are for members and admins (PROTOCOL.md): refused by role, whatever the id.
      assertThat(viewer.get("othersRun").asText()).contains("may not read runs");
      assertThat(viewer.get("tools").toString())
          .contains("objects_list", "agent_list")
          .doesNotContain("objects_save", "\"agent_run\"", "lists_create");

      JsonNode other = saw.get("other");
      assertThat(other.get("listed").toString())
          .contains(other.get("runId").asText())
          .doesNotContain(runId);
      // The same words as for an id that never existed: ids do not leak.
      assertThat(other.get("othersRun").asText()).isEqualTo("no run with id " + runId);

      assertThat(saw.at("/admin/listed").toString()).contains(runId, other.get("runId").asText());
      assertThat(saw.at("/admin/memberRun").asText()).isEqualTo("completed");

      assertThat(saw.get("beforeDemotion").asBoolean()).isTrue();
      assertThat(saw.get("afterDemotion").asText()).contains("viewer");
      assertThat(saw.get("toolsAfterDemotion").toString())
          .contains("objects_list")
          .doesNotContain("objects_save");
    } finally {
      if (server != null) {
        server.close();
      }
      receiver.stop(0);
      if (schema != null) {
        TestPostgres.dropSchema(schema);
      }
    }
  }
}
