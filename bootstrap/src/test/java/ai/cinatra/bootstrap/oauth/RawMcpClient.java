package ai.cinatra.bootstrap.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** An MCP session over plain HTTP with a bearer token, for tests that drive the jar. */
final class RawMcpClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final String base;
  private final String token;
  private final String session;
  private final Browser browser;
  private int id;

  RawMcpClient(String base, String token) throws Exception {
    this.base = base;
    this.token = token;
    this.browser = new Browser(base);
    HttpResponse<String> initialized =
        browser.postJsonWithBearer("/api/mcp", OAuthFlowContract.INITIALIZE, token, null);
    assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);
    this.session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
    browser.postJsonWithBearer(
        "/api/mcp",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
        token,
        session);
  }

  /** The status of a fresh initialize with this token: 200, or 401 once it is refused. */
  static HttpResponse<String> initialize(String base, String token) throws Exception {
    return new Browser(base)
        .postJsonWithBearer("/api/mcp", OAuthFlowContract.INITIALIZE, token, null);
  }

  JsonNode rpc(String method, String params) throws Exception {
    String body =
        browser
            .postJsonWithBearer(
                "/api/mcp",
                "{\"jsonrpc\":\"2.0\",\"id\":"
                    + ++id
                    + ",\"method\":\""
                    + method
                    + "\",\"params\":"
                    + params
                    + "}",
                token,
                session)
            .body();
    JsonNode result = JSON.readTree(body).get("result");
    assertThat(result).as(body).isNotNull();
    return result;
  }

  List<String> toolNames() throws Exception {
    List<String> names = new ArrayList<>();
    rpc("tools/list", "{}").get("tools").forEach(t -> names.add(t.get("name").asText()));
    return names;
  }

  JsonNode call(String tool, String arguments) throws Exception {
    return rpc("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}");
  }

  JsonNode ok(String tool, String arguments) throws Exception {
    JsonNode result = call(tool, arguments);
    assertThat(result.get("isError").asBoolean()).as(result.toString()).isFalse();
    return result.get("structuredContent");
  }

  String refused(String tool, String arguments) throws Exception {
    JsonNode result = call(tool, arguments);
    assertThat(result.get("isError").asBoolean()).as(result.toString()).isTrue();
    return result.at("/content/0/text").asText();
  }

  /** Polls agent_run_get until the run has one of the statuses. */
  JsonNode pollUntil(String runId, String... statuses) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    JsonNode run = null;
    while (System.nanoTime() < deadline) {
      run = ok("agent_run_get", "{\"runId\":\"" + runId + "\"}");
      if (List.of(statuses).contains(run.get("status").asText())) {
        return run;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("run did not reach " + List.of(statuses) + ": " + run);
  }

  /** The standalone GET stream of this session. */
  SseReader standaloneStream() {
    return new SseReader(
        HttpRequest.newBuilder(URI.create(base + "/api/mcp"))
            .header("Authorization", "Bearer " + token)
            .header("Mcp-Session-Id", session)
            .header("Accept", "text/event-stream")
            .GET()
            .build());
  }
}
