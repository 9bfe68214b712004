package ai.cinatra.adapters.http.mcp.tool;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/** Between tool arguments and results (Jackson trees) and the maps the core holds JSON in. */
public final class ToolJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private ToolJson() {}

  public static Map<String, Object> map(JsonNode object) {
    return JSON.convertValue(object, MAP);
  }

  public static ObjectNode node(Object value) {
    return JSON.valueToTree(value);
  }

  /** Any JSON value the core holds (a string, number, map...) as a tree. */
  public static JsonNode value(Object value) {
    return JSON.valueToTree(value);
  }

  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  public static Optional<String> text(ObjectNode arguments, String field) {
    JsonNode value = arguments.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  /** A result whose text rendering is the structured content itself, compactly. */
  public static ObjectNode result(String summary, ObjectNode structured) {
    return ToolResults.ok(summary + "\n" + structured, structured);
  }
}
