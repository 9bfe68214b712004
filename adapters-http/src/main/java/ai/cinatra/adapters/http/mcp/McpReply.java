package ai.cinatra.adapters.http.mcp;

import ai.cinatra.adapters.http.mcp.jsonrpc.JsonRpc;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * What the MCP endpoint answers one request with: a status and a JSON body, a bare status (202,
 * 204, 405), or an SSE stream; plus any headers of its own (Mcp-Session-Id, Allow, Retry-After).
 *
 * @param body the JSON body, or null
 * @param stream the SSE stream, or null
 */
record McpReply(int status, JsonNode body, LiveStream stream, Map<String, String> headers) {
  McpReply {
    if (status < 100 || status > 599 || (body != null && stream != null)) {
      throw new IllegalArgumentException("one status, and a JSON body or a stream, not both");
    }
    headers = Map.copyOf(headers);
  }

  static McpReply json(int status, JsonNode body) {
    return new McpReply(status, body, null, Map.of());
  }

  static McpReply empty(int status) {
    return new McpReply(status, null, null, Map.of());
  }

  static McpReply stream(LiveStream stream) {
    return new McpReply(200, null, stream, Map.of());
  }

  /** No thread is free for a call answered on a stream: the client tries again shortly. */
  static McpReply busy(JsonNode id) {
    return json(
        503, JsonRpc.error(id, JsonRpc.SERVER_BUSY, "the server is busy; try again shortly"));
  }

  McpReply withHeader(String name, String value) {
    Map<String, String> more = new HashMap<>(headers);
    more.put(name, value);
    return new McpReply(status, body, stream, more);
  }
}
