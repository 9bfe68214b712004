package ai.cinatra.bootstrap.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The MCP part, with the token just issued: initialize, tools/list and one read-only call. */
final class McpSteps {
  static final String PROTOCOL = "2025-06-18";

  private final String url;
  private final Http http;
  private final CheckState state;

  McpSteps(String url, Http http, CheckState state) {
    this.url = url;
    this.http = http;
    this.state = state;
  }

  String initialize() throws CheckFailed {
    Exchange answer = http.postJson(url, initializeRequest(), authorized());
    if (answer.status() == 401) {
      throw new CheckFailed(
          answer,
          "A token just issued is refused: the server that issued it and the one answering here"
              + " disagree about the URL (CINATRA_BASE_URL or the public URL) or about the time.");
    }
    JsonNode result = Answers.rpcResult(answer, "initialize");
    state.session = answer.header("Mcp-Session-Id");
    return "protocol "
        + result.path("protocolVersion").asText()
        + ", server "
        + result.path("serverInfo").path("name").asText();
  }

  String toolsList() throws CheckFailed {
    JsonNode result =
        Answers.rpcResult(
            http.postJson(
                url, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", authorized()),
            "tools/list");
    return result.path("tools").size() + " tools";
  }

  String whoami() throws CheckFailed {
    JsonNode result =
        Answers.rpcResult(
            http.postJson(
                url,
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\","
                    + "\"params\":{\"name\":\"whoami\",\"arguments\":{}}}",
                authorized()),
            "tools/call whoami");
    if (result.path("isError").asBoolean(false)) {
      throw new CheckFailed(result.toString(), "The tool call failed.");
    }
    return result.path("structuredContent").path("email").asText("answered");
  }

  static Map<String, String> headers() {
    return Map.of(
        "Accept", "application/json, text/event-stream", "MCP-Protocol-Version", PROTOCOL);
  }

  static String initializeRequest() {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
        + PROTOCOL
        + "\",\"capabilities\":{},"
        + "\"clientInfo\":{\"name\":\"cinatra-check-connection\",\"version\":\"1\"}}}";
  }

  private Map<String, String> authorized() {
    Map<String, String> headers = new LinkedHashMap<>(headers());
    headers.put("Authorization", "Bearer " + state.accessToken);
    if (state.session != null && !state.session.isEmpty()) {
      headers.put("Mcp-Session-Id", state.session);
    }
    return headers;
  }
}
