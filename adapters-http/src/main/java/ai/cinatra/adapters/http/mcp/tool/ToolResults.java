package ai.cinatra.adapters.http.mcp.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds CallToolResult objects. */
public final class ToolResults {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ToolResults() {}

  /** A result with a text rendering and, when given, its structured content. */
  public static ObjectNode ok(String text, JsonNode structured) {
    ObjectNode result = text(text);
    if (structured != null) {
      result.set("structuredContent", structured);
    }
    result.put("isError", false);
    return result;
  }

  /** A failure on the tool's own terms, told so a model can act on it. */
  public static ObjectNode error(String message) {
    ObjectNode result = text(message);
    result.put("isError", true);
    return result;
  }

  private static ObjectNode text(String text) {
    ObjectNode result = NODES.objectNode();
    result.putArray("content").addObject().put("type", "text").put("text", text);
    return result;
  }
}
