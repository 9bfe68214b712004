package ai.cinatra.adapters.http.mcp.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads tool descriptors written as JSON text, failing at start-up when one is malformed. */
public final class ToolDescriptors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ToolDescriptors() {}

  public static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalArgumentException("malformed tool descriptor: " + e.getMessage(), e);
    }
  }
}
