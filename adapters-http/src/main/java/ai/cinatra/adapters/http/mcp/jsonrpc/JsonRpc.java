package ai.cinatra.adapters.http.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON-RPC 2.0 envelopes and the error codes MCP uses. */
public final class JsonRpc {
  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;

  /** Server-defined: the session is unknown or over, or the server cannot take more work. */
  public static final int SESSION_NOT_FOUND = -32001;

  public static final int SERVER_BUSY = -32000;

  /** MCP: a resource that does not exist. */
  public static final int RESOURCE_NOT_FOUND = -32002;

  /** 2026-07-28: the HTTP headers do not match the body, or a required one is missing. */
  public static final int HEADER_MISMATCH = -32020;

  /** 2026-07-28: the request needs a client capability its _meta did not declare. */
  public static final int MISSING_CLIENT_CAPABILITY = -32021;

  /** 2026-07-28: the requested protocol version is not one this server speaks. */
  public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** What tells a client its tool list changed; stored and replayed as it is. */
  public static final String TOOLS_LIST_CHANGED =
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}";

  private JsonRpc() {}

  public static ObjectNode result(JsonNode id, JsonNode result) {
    ObjectNode response = envelope();
    response.set("id", id);
    response.set("result", result);
    return response;
  }

  /** An error with data, as the 2026-07-28 errors carry (supported versions, capabilities). */
  public static ObjectNode error(JsonNode id, int code, String message, JsonNode data) {
    ObjectNode error = error(id, code, message);
    ((ObjectNode) error.get("error")).set("data", data);
    return error;
  }

  public static ObjectNode error(JsonNode id, int code, String message) {
    ObjectNode response = envelope();
    response.set("id", id == null ? NODES.nullNode() : id);
    response.putObject("error").put("code", code).put("message", message);
    return response;
  }

  public static ObjectNode notification(String method, ObjectNode params) {
    ObjectNode message = envelope();
    message.put("method", method);
    if (params != null) {
      message.set("params", params);
    }
    return message;
  }

  public static ObjectNode request(String id, String method, ObjectNode params) {
    ObjectNode message = notification(method, params);
    message.put("id", id);
    return message;
  }

  private static ObjectNode envelope() {
    ObjectNode message = NODES.objectNode();
    message.put("jsonrpc", "2.0");
    return message;
  }
}
