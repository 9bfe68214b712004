package ai.cinatra.bootstrap.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.persistence.JdbiSetup;
import ai.cinatra.bootstrap.CinatraJar;
import ai.cinatra.bootstrap.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of the real jar on one PostgreSQL, one client on MCP 2026-07-28 (stateless, each
 * request to whichever node) and one on 2025-11-25 (a session on node A), working at once on the
 * same account: the approval example started by the stateless client, answered by the person
 * through an input_required round trip that begins on node A and ends on node B, and watched to its
 * end by the session client.
 */
class TwoErasTwoNodesIT {
  private static final String BASE = "http://localhost:3000";
  private static final String V = "2026-07-28";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path workDir;

  @Test
  void aStatelessClientAndASessionClient_workAtOnce_acrossTwoNodes() throws Exception {
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
    String schema = TestPostgres.createSchema("twoeras");
    try {
      Jdbi database =
          JdbiSetup.configure(
              Jdbi.create(TestPostgres.urlFor(schema), TestPostgres.USER, TestPostgres.PASSWORD));
      CinatraJar jar = new CinatraJar(workDir, TestPostgres.jarEnvironment(schema, BASE));
      jar.ok("", "account", "list"); // creates the schema before two nodes race to
      jar.installApprovalExample("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
      int portA = CinatraJar.freePort();
      int portB = CinatraJar.freePort();
      List<String> workers = List.of("-Ddw.runs.pollingInterval=200ms");
      try (CinatraJar.Server a = jar.server(portA, CinatraJar.freePort(), workers);
          CinatraJar.Server b = jar.server(portB, CinatraJar.freePort(), workers)) {
        String urlA = "http://127.0.0.1:" + portA;
        String urlB = "http://127.0.0.1:" + portB;
        String token =
            McpEndpointContract.tokenFor(urlA, database, "member@example.org", BASE + "/api/mcp");
        RawMcpClient session = new RawMcpClient(urlA, token);

        JsonNode discovered = post(urlB, token, 1, "server/discover", null, "{}").get("result");
        assertThat(discovered.get("supportedVersions").get(0).asText()).isEqualTo(V);

        // Both at once on the same account: the session client on A, the stateless one on B.
        String runId =
            post(
                    urlA,
                    token,
                    2,
                    "tools/call",
                    "agent_run",
                    "{\"name\":\"agent_run\",\"arguments\":{\"agentId\":\"approve-and-notify\","
                        + "\"inputs\":{\"recipient\":\"Ada\",\"amount\":12}}}")
                .at("/result/structuredContent/runId")
                .asText();
        assertThat(session.ok("whoami", "{}").get("email").asText())
            .isEqualTo("member@example.org");
        assertThat(
                post(urlB, token, 3, "tools/call", "whoami", "{\"name\":\"whoami\"}")
                    .at("/result/structuredContent/email")
                    .asText())
            .isEqualTo("member@example.org");
        session.pollUntil(runId, "pending_approval");

        // The person answers through their client: the question is asked on A, answered on B.
        String resume =
            "{\"name\":\"agent_run_resume\",\"arguments\":{\"runId\":\"" + runId + "\"}%s}";
        JsonNode asked =
            post(urlA, token, 4, "tools/call", "agent_run_resume", resume.formatted(""), true)
                .get("result");
        assertThat(asked.get("resultType").asText())
            .as(asked.toString())
            .isEqualTo("input_required");
        String key = asked.get("inputRequests").fieldNames().next();
        assertThat(asked.at("/inputRequests/" + key + "/method").asText())
            .isEqualTo("elicitation/create");
        String retry =
            ",\"requestState\":\""
                + asked.get("requestState").asText()
                + "\",\"inputResponses\":{\""
                + key
                + "\":{\"action\":\"accept\",\"content\":{\"decision\":\"approve\","
                + "\"amount\":5,\"note\":\"two eras\"}}}";
        JsonNode answered =
            post(urlB, token, 5, "tools/call", "agent_run_resume", resume.formatted(retry), true)
                .get("result");
        assertThat(answered.get("resultType").asText())
            .as(answered.toString())
            .isEqualTo("complete");

        JsonNode done = session.pollUntil(runId, "completed", "failed", "stopped");
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(deliveries)
            .singleElement()
            .satisfies(d -> assertThat(d).contains("\"amount\":5", "two eras"));

        // A session header on a stateless request mixes the eras: refused, not answered.
        HttpResponse<String> mixed =
            send(
                urlB,
                token,
                6,
                "tools/call",
                "whoami",
                "{\"name\":\"whoami\"}",
                false,
                "x-session");
        assertThat(mixed.statusCode()).isEqualTo(400);
      }
    } finally {
      receiver.stop(0);
      TestPostgres.dropSchema(schema);
    }
  }

  private static JsonNode post(
      String url, String token, int id, String method, String name, String params)
      throws Exception {
    return post(url, token, id, method, name, params, false);
  }

  private static JsonNode post(
      String url, String token, int id, String method, String name, String params, boolean elicits)
      throws Exception {
    HttpResponse<String> response = send(url, token, id, method, name, params, elicits, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /**
   * One 2026-07-28 request: the revision's headers and _meta, and nothing from any earlier call.
   */
  private static HttpResponse<String> send(
      String url,
      String token,
      int id,
      String method,
      String name,
      String params,
      boolean elicits,
      String sessionId)
      throws Exception {
    String meta =
        "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\""
            + V
            + "\","
            + "\"io.modelcontextprotocol/clientCapabilities\":"
            + (elicits ? "{\"elicitation\":{}}" : "{}")
            + "}";
    String inner = params.substring(1, params.length() - 1).trim();
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + id
            + ",\"method\":\""
            + method
            + "\",\"params\":{"
            + (inner.isEmpty() ? "" : inner + ",")
            + meta
            + "}}";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url + "/api/mcp"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("MCP-Protocol-Version", V)
            .header("Mcp-Method", method)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (name != null) {
      request.header("Mcp-Name", name);
    }
    if (sessionId != null) {
      request.header("Mcp-Session-Id", sessionId);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
