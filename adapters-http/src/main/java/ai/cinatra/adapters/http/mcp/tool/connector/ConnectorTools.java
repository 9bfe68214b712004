package ai.cinatra.adapters.http.mcp.tool.connector;

import ai.cinatra.adapters.http.mcp.tool.McpTool;
import ai.cinatra.adapters.http.mcp.tool.ToolJson;
import ai.cinatra.adapters.http.mcp.tool.UseCaseTool;
import ai.cinatra.application.port.in.connector.ConnectorsUseCase;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.connector.Connector;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** connectors_list, and one {@code <connector>_<operation>} tool per configured operation. */
public final class ConnectorTools {
  private ConnectorTools() {}

  public static List<McpTool> all(ConnectorsUseCase connectors, List<Connector> configured) {
    List<McpTool> tools = new ArrayList<>();
    tools.add(
        UseCaseTool.of(
            """
            {"name": "connectors_list", "title": "List connectors",
             "description": "The connectors an admin configured, their kind and operations (each callable as <connector>_<operation>). Secrets are never shown.",
             "inputSchema": {"type": "object", "properties": {}, "additionalProperties": false},
             "outputSchema": {"type": "object", "properties": {
               "connectors": {"type": "array", "items": {"type": "object", "properties": {
                 "name": {"type": "string"}, "kind": {"type": "string"}, "host": {"type": "string"},
                 "operations": {"type": "array", "items": {"type": "string"}}},
                "required": ["name", "kind", "host", "operations"]}}},
              "required": ["connectors"]},
             "annotations": {"readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false}}
            """,
            Role.VIEWER,
            call -> {
              ObjectNode result = ToolJson.object();
              var items = result.putArray("connectors");
              for (Connector c : connectors.list(call.actor())) {
                ObjectNode item = items.addObject();
                item.put("name", c.name());
                item.put("kind", c.kind().wireName());
                item.put("host", c.url().getHost());
                var operations = item.putArray("operations");
                c.operations().forEach(operations::add);
              }
              return ToolJson.result(items.size() + " connectors", result);
            }));
    for (Connector connector : configured) {
      for (String operation : connector.operations()) {
        tools.add(operationTool(connectors, connector, operation));
      }
    }
    return tools;
  }

  private static McpTool operationTool(
      ConnectorsUseCase connectors, Connector connector, String operation) {
    String name = connector.name() + "_" + operation;
    return UseCaseTool.of(
        """
        {"name": "%1$s", "title": "%2$s %3$s",
         "description": "Posts the arguments as JSON to the %2$s connector (host %4$s) and returns its answer. This reaches outside the workspace.",
         "inputSchema": {"type": "object", "maxProperties": 100},
         "outputSchema": {"type": "object", "properties": {
           "status": {"type": "integer"}, "body": {}}, "required": ["status"]},
         "annotations": {"readOnlyHint": false, "destructiveHint": false, "idempotentHint": false, "openWorldHint": true}}
        """
            .formatted(name, connector.name(), operation, connector.url().getHost()),
        Role.MEMBER,
        call -> {
          Map<String, Object> answer =
              connectors.call(
                  call.actor(), connector.name(), operation, ToolJson.map(call.arguments()));
          return ToolJson.result(name + " answered " + answer.get("status"), ToolJson.node(answer));
        });
  }
}
