package ai.cinatra.bootstrap.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.bootstrap.CinatraJar;
import ai.cinatra.domain.account.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An http_api connector installed with the command line while the server runs: connected clients
 * are told the tools changed, its operations are tools at once (admin-only ones for admins), calls
 * reach only its host with the secret from stdin (never stored or shown in clear), and an agent
 * step slower than its timeoutSeconds fails its run saying so. The real jar, a local API.
 */
class HttpApiConnectorIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String SECRET = "Bearer tr4cker-t0ken";

  @TempDir Path workDir;

  @Test
  void anHttpApiInstalledWhileRunning_isCallableAtOnce_withItsSecret_andStepsKeepTheirTimeout()
      throws Exception {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext(
        "/api/",
        exchange -> {
          seen.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getRawPath()
                  + (exchange.getRequestURI().getRawQuery() == null
                      ? ""
                      : "?" + exchange.getRequestURI().getRawQuery())
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization"));
          if (exchange.getRequestURI().getRawPath().contains("/slow")) {
            try {
              Thread.sleep(3000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          byte[] answer = "{\"title\":\"Fix the tide table\"}".getBytes(StandardCharsets.UTF_8);
          try {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
          } catch (java.io.IOException callerGone) {
            // The slow call's caller gave up; nobody reads this.
          }
          exchange.close();
        });
    api.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    api.start();
    String apiBase = "http://127.0.0.1:" + api.getAddress().getPort() + "/api/";
    Path document = workDir.resolve("tracker.json");
    Files.writeString(
        document,
        Files.readString(Path.of("..", "examples", "connectors", "tracker.json"))
            .replace("https://tracker.example.org/api/", apiBase));

    int port = CinatraJar.freePort();
    String base = "http://127.0.0.1:" + port;
    CinatraJar jar = new CinatraJar(workDir, Map.of("CINATRA_BASE_URL", base));
    try (CinatraJar.Server server = jar.server(port, CinatraJar.freePort())) {
      Jdbi database = jar.embeddedDatabase();
      RawMcpClient member = client(base, database, "member@example.org", Role.MEMBER);
      RawMcpClient admin = client(base, database, "admin@example.org", Role.ADMIN);
      assertThat(member.toolNames()).noneMatch(n -> n.startsWith("tracker_"));

      SseReader.Event changed;
      try (SseReader stream = member.standaloneStream()) {
        CinatraJar.Outcome installed =
            jar.run(SECRET + "\n", "connector", "install", document.toString());
        assertThat(installed.exitCode()).as(installed.stderr()).isZero();
        assertThat(installed.stdout()).contains("configured http_api connector tracker");
        changed = stream.nextContaining("notifications/tools/list_changed", WAIT);
      }
      assertThat(changed).as("the member's open stream is told the tools changed").isNotNull();

      assertThat(member.toolNames())
          .contains("tracker_issue_get", "tracker_issue_comment")
          .doesNotContain("tracker_project_archive");
      assertThat(admin.toolNames()).contains("tracker_project_archive");

      // A value that would climb out of its path segment is refused, not encoded and sent.
      assertThat(member.refused("tracker_issue_get", "{\"project\":\"ops/../admin\",\"number\":7}"))
          .contains("may not contain '/'");
      JsonNode issue = member.ok("tracker_issue_get", "{\"project\":\"ops admin\",\"number\":7}");
      assertThat(issue.at("/body/title").asText()).isEqualTo("Fix the tide table");
      assertThat(member.refused("tracker_project_archive", "{\"project\":\"ops\"}"))
          .contains("for admins");
      assertThat(member.refused("tracker_issue_get", "{\"project\":\"ops\"}"))
          .contains("invalid arguments", "number");
      assertThat(seen).containsExactly("GET /api/projects/ops%20admin/issues/7 " + SECRET);

      String listed = member.ok("connectors_list", "{}").toString();
      assertThat(listed).contains("tracker", "issue_get").doesNotContain("tr4cker");
      String stored =
          database.withHandle(
              h ->
                  h.createQuery("select sealed_secret from connectors where name = 'tracker'")
                      .mapTo(String.class)
                      .one());
      assertThat(stored).doesNotContain("tr4cker");

      // An agent whose step calls the slow operation with a 1 s limit fails, saying so.
      Path agent = workDir.resolve("slow.json");
      Files.writeString(
          agent,
          """
          {"agentId": "slow-report", "name": "Slow report",
           "steps": [{"id": "fetch", "kind": "connector", "connector": "tracker",
                      "operation": "report_slow", "timeoutSeconds": 1, "arguments": {}}]}
          """);
      jar.ok("", "agent", "install", agent.toString());
      // The command line is another process: the server learns of the agent from the change
      // counter it polls, within the same guarantee as a role change.
      AnotherNode.awaitSeen(
          "the installed agent's tool", () -> member.toolNames().contains("cinatra_slow-report"));
      String runId = member.ok("cinatra_slow-report", "{}").get("runId").asText();
      JsonNode run = member.pollUntil(runId, "completed", "failed", "stopped");
      assertThat(run.get("status").asText()).isEqualTo("failed");
      assertThat(run.get("error").asText()).startsWith("step fetch exceeded its timeout of 1 s");
    } finally {
      api.stop(0);
    }
  }

  private static RawMcpClient client(String base, Jdbi database, String email, Role role)
      throws Exception {
    String token = McpEndpointContract.tokenFor(base, database, email, base + "/api/mcp");
    RawMcpClient client = new RawMcpClient(base, token);
    AnotherNode.changeRole(database, email, role);
    AnotherNode.awaitSeen(
        email + " as " + role.wireName(),
        () -> client.ok("whoami", "{}").get("role").asText().equals(role.wireName()));
    return client;
  }
}
