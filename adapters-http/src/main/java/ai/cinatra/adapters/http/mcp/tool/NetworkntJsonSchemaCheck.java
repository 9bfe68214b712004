package ai.cinatra.adapters.http.mcp.tool;

import ai.cinatra.application.port.out.JsonSchemaCheck;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;

/** The JsonSchemaCheck port with the validator that checks every tool's arguments. */
public final class NetworkntJsonSchemaCheck implements JsonSchemaCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  /** Each problem names where it is ("/amount: string found, number expected"). */
  @Override
  public List<String> problems(Map<String, Object> schema, Map<String, Object> value) {
    return SCHEMAS.getSchema(JSON.valueToTree(schema)).validate(JSON.valueToTree(value)).stream()
        .limit(5)
        .map(e -> where(String.valueOf(e.getInstanceLocation())) + e.getMessage())
        .toList();
  }

  private static String where(String location) {
    return location.isEmpty() || location.equals("$") || location.equals("/")
        ? ""
        : location.replaceFirst("^\\$\\.?", "/") + ": ";
  }
}
