package ai.cinatra.adapters.http.mcp.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/** Checks a value against a JSON Schema (2020-12), for schemas that arrive at run time. */
public final class ToolSchemas {
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private ToolSchemas() {}

  /** What is wrong with {@code value}, at most five messages; empty when it fits. */
  public static List<String> problems(JsonNode schema, JsonNode value) {
    return SCHEMAS.getSchema(schema).validate(value).stream()
        .limit(5)
        .map(Error::getMessage)
        .toList();
  }
}
