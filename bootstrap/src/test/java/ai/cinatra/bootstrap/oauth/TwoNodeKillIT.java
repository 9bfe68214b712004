package ai.cinatra.bootstrap.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.persistence.JdbiSetup;
import ai.cinatra.bootstrap.CinatraJar;
import ai.cinatra.bootstrap.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of the real jar on one PostgreSQL under load — four clients writing lists and starting
 * runs on both — and one node killed with kill -9 in the middle: every write a client was told
 * succeeded is in the database, and every run a client was told started finishes, exactly once (one
 * RUN_FINISHED each), the surviving node taking over the dead node's runs.
 */
class TwoNodeKillIT {
  private static final Duration LOAD = Duration.ofSeconds(12);
  private static final Duration KILL_AFTER = Duration.ofSeconds(5);

  @TempDir Path workDir;

  private record Acknowledged(List<String> lists, List<String> runs) {}

  @Test
  void killingOneNodeUnderLoad_losesNoAcknowledgedWrite_andEveryRunFinishesOnce() throws Exception {
    List<String> deliveries = Collections.synchronizedList(new ArrayList<>());
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          deliveries.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
          exchange.getRequestBody().readAllBytes();
          byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
          try {
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
          } catch (java.io.IOException senderGone) {
            // The sender was killed; nobody reads this.
          }
          exchange.close();
        });
    receiver.setExecutor(Executors.newCachedThreadPool());
    receiver.start();
    String schema = TestPostgres.createSchema("twonodes");
    int portA = CinatraJar.freePort();
    int portB = CinatraJar.freePort();
    String base = "http://localhost:3000";
    CinatraJar jar = new CinatraJar(workDir, TestPostgres.jarEnvironment(schema, base));
    Path agent = Files.createTempFile("ping-agent", ".json");
    Files.writeString(
        agent,
        """
        {"agentId": "ping", "name": "Ping", "description": "Says hello, posts to the webhook, says bye.",
         "inputSchema": {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]},
         "steps": [
           {"id": "hello", "kind": "message", "text": "run {{inputs.n}}"},
           {"id": "notify", "kind": "connector", "connector": "webhook", "operation": "post",
            "arguments": {"n": "{{inputs.n}}"}},
           {"id": "bye", "kind": "message", "text": "done"}]}
        """);
    jar.ok("", "agent", "install", agent.toString());
    jar.ok(
        "",
        "connector",
        "webhook",
        "--url",
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    List<String> fast =
        List.of("-Ddw.runs.heartbeatInterval=1s", "-Ddw.runs.pollingInterval=200ms");
    Jdbi database =
        JdbiSetup.configure(
            Jdbi.create(TestPostgres.urlFor(schema), TestPostgres.USER, TestPostgres.PASSWORD));
    CinatraJar.Server a = jar.server(portA, CinatraJar.freePort(), fast);
    CinatraJar.Server b = jar.server(portB, CinatraJar.freePort(), fast);
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      String urlA = "http://127.0.0.1:" + portA;
      String urlB = "http://127.0.0.1:" + portB;
      String token =
          McpEndpointContract.tokenFor(urlA, database, "load@example.org", base + "/api/mcp");
      AtomicBoolean aIsDead = new AtomicBoolean();
      Instant end = Instant.now().plus(LOAD);
      List<Future<Acknowledged>> work = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        String node = c % 2 == 0 ? urlA : urlB;
        int client = c;
        work.add(clients.submit(() -> load(node, token, client, end, aIsDead)));
      }
      Thread.sleep(KILL_AFTER.toMillis());
      a.kill();
      aIsDead.set(true);

      List<String> lists = new ArrayList<>();
      List<String> runs = new ArrayList<>();
      for (Future<Acknowledged> f : work) {
        Acknowledged acknowledged = f.get(60, TimeUnit.SECONDS);
        lists.addAll(acknowledged.lists());
        runs.addAll(acknowledged.runs());
      }
      assertThat(lists).as("acknowledged list writes").hasSizeGreaterThan(20);
      assertThat(runs).as("acknowledged run starts").hasSizeGreaterThan(5);

      RawMcpClient survivor = new RawMcpClient(urlB, token);
      for (String runId : runs) {
        JsonNode run = survivor.pollUntil(runId, "completed", "failed");
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("completed");
      }
      List<String> storedLists =
          database.withHandle(
              h ->
                  h.createQuery("select cast(id as varchar) from lists")
                      .mapTo(String.class)
                      .list());
      assertThat(storedLists).containsAll(lists);
      for (String runId : runs) {
        int finished =
            database.withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from run_events where cast(run_id as varchar) = :id"
                                + " and type = 'RUN_FINISHED'")
                        .bind("id", runId)
                        .mapTo(Integer.class)
                        .one());
        assertThat(finished).as("RUN_FINISHED events of " + runId).isEqualTo(1);
        assertThat(deliveries).as("the webhook for " + runId).contains(runId + ":notify");
      }
      System.out.printf(
          "two nodes, kill -9 of one after %d s: %d list writes and %d run starts acknowledged,"
              + " none lost; %d webhook deliveries for %d runs (repeats carry the same key)%n",
          KILL_AFTER.toSeconds(), lists.size(), runs.size(), deliveries.size(), runs.size());
    } finally {
      clients.shutdownNow();
      a.close();
      b.close();
      receiver.stop(0);
      TestPostgres.dropSchema(schema);
    }
  }

  /** One client's load: list writes and run starts until {@code end}; what was acknowledged. */
  private static Acknowledged load(
      String node, String token, int client, Instant end, AtomicBoolean aIsDead) {
    List<String> lists = new ArrayList<>();
    List<String> runs = new ArrayList<>();
    RawMcpClient mcp = null;
    int i = 0;
    while (Instant.now().isBefore(end)) {
      try {
        if (mcp == null) {
          mcp = new RawMcpClient(node, token);
        }
        JsonNode result =
            i % 5 == 4
                ? mcp.call("agent_run", "{\"agentId\":\"ping\",\"inputs\":{\"n\":" + i + "}}")
                : mcp.call("lists_create", "{\"name\":\"c" + client + "-" + i + "\"}");
        if (!result.path("isError").asBoolean(false)) {
          JsonNode content = result.get("structuredContent");
          if (content.has("runId")) {
            runs.add(content.get("runId").asText());
          } else {
            lists.add(content.get("listId").asText());
          }
        }
      } catch (Exception | AssertionError failed) {
        // Not acknowledged: the node is dead or the connection broke. Nothing is counted.
        if (aIsDead.get()) {
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
      }
      i++;
    }
    return new Acknowledged(lists, runs);
  }
}
