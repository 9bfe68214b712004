package ai.cinatra.bootstrap.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.persistence.JdbiSetup;
import ai.cinatra.bootstrap.CinatraJar;
import ai.cinatra.bootstrap.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run killed (kill -9) while its webhook call is in flight resumes on the restarted server from
 * its last persisted step: the step is sent again with the same Idempotency-Key, so the receiver
 * acts once, and the run completes. The real jar on the embedded database and on PostgreSQL, a
 * local receiver.
 */
class RunDurabilityIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLE =
      Path.of("..", "examples", "agents", "approve-and-notify.json").toAbsolutePath();

  @TempDir Path workDir;

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aRunKilledDuringItsWebhookCall_resumesAfterARestart_andTheReceiverActsOnce(String db)
      throws Exception {
    List<String> deliveries = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch firstArrived = new CountDownLatch(1);
    CountDownLatch serverKilled = new CountDownLatch(1);
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          deliveries.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
          if (deliveries.size() == 1) {
            firstArrived.countDown();
            try {
              serverKilled.await(60, TimeUnit.SECONDS); // hold the call until the sender dies
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          byte[] answer = "{\"received\":true}".getBytes(StandardCharsets.UTF_8);
          try {
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
          } catch (java.io.IOException senderGone) {
            // The first sender is dead; nobody reads this answer.
          }
          exchange.close();
        });
    receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    receiver.start();

    int port = CinatraJar.freePort();
    String base = "http://127.0.0.1:" + port;
    String schema = db.equals("postgresql") ? TestPostgres.createSchema("durable") : null;
    Map<String, String> environment =
        schema == null
            ? Map.of("CINATRA_BASE_URL", base)
            : TestPostgres.jarEnvironment(schema, base);
    CinatraJar jar = new CinatraJar(workDir, environment);
    jar.ok("", "agent", "install", EXAMPLE.toString());
    jar.ok(
        "",
        "connector",
        "webhook",
        "--url",
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    List<String> fastRecovery =
        List.of("-Ddw.runs.heartbeatInterval=1s", "-Ddw.runs.pollingInterval=200ms");
    int admin = CinatraJar.freePort();
    try {
      CinatraJar.Server first = jar.server(port, admin, fastRecovery);
      Jdbi database =
          schema == null
              ? jar.embeddedDatabase()
              : JdbiSetup.configure(
                  Jdbi.create(
                      TestPostgres.urlFor(schema), TestPostgres.USER, TestPostgres.PASSWORD));
      String token =
          McpEndpointContract.tokenFor(base, database, "durable@example.org", base + "/api/mcp");
      Browser browser = new Browser(base);
      String session =
          browser
              .postJsonWithBearer("/api/mcp", OAuthFlowContract.INITIALIZE, token, null)
              .headers()
              .firstValue("Mcp-Session-Id")
              .orElseThrow();
      // Each installed agent is also a tool of its own, with the agent's inputSchema.
      JsonNode tools =
          JSON.readTree(
              browser
                  .postJsonWithBearer(
                      "/api/mcp",
                      "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\"}",
                      token,
                      session)
                  .body());
      JsonNode agentTool = null;
      for (JsonNode tool : tools.at("/result/tools")) {
        if (tool.get("name").asText().equals("cinatra_approve-and-notify")) {
          agentTool = tool;
        }
      }
      assertThat(agentTool).as(tools.toString()).isNotNull();
      assertThat(agentTool.at("/inputSchema/required").toString()).contains("recipient", "amount");

      String runId =
          call(
                  browser,
                  token,
                  session,
                  "agent_run",
                  "{\"agentId\":\"approve-and-notify\",\"inputs\":{\"recipient\":\"Ada\",\"amount\":12}}")
              .get("runId")
              .asText();
      poll(browser, token, session, runId, "pending_approval");
      call(browser, token, session, "agent_run_resume", "{\"runId\":\"" + runId + "\"}");
      assertThat(firstArrived.await(30, TimeUnit.SECONDS)).as("the webhook call began").isTrue();

      first.kill();
      serverKilled.countDown();
      try (CinatraJar.Server second = jar.server(port, admin, fastRecovery)) {
        JsonNode done = poll(browser, token, session, runId, "completed", "failed");
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
      }
      assertThat(deliveries).hasSize(2).containsOnly(runId + ":notify");
    } finally {
      serverKilled.countDown();
      receiver.stop(0);
      if (schema != null) {
        TestPostgres.dropSchema(schema);
      }
    }
  }

  private static JsonNode call(
      Browser browser, String token, String session, String tool, String args) throws Exception {
    HttpResponse<String> response =
        browser.postJsonWithBearer(
            "/api/mcp", McpEndpointContract.call(1, tool, args), token, session);
    JsonNode result = JSON.readTree(response.body()).get("result");
    assertThat(result.get("isError").asBoolean()).as(response.body()).isFalse();
    return result.get("structuredContent");
  }

  private static JsonNode poll(
      Browser browser, String token, String session, String runId, String... statuses)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode run = null;
    while (System.nanoTime() < deadline) {
      run = call(browser, token, session, "agent_run_get", "{\"runId\":\"" + runId + "\"}");
      if (List.of(statuses).contains(run.get("status").asText())) {
        return run;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("run did not reach " + List.of(statuses) + ": " + run);
  }
}
