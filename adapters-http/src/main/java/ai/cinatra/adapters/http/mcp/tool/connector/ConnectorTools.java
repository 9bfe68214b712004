package ai.cinatra.adapters.http.mcp.tool.connector;

import ai.cinatra.adapters.http.mcp.tool.McpTool;
import ai.cinatra.adapters.http.mcp.tool.ToolDescriptors;
import ai.cinatra.adapters.http.mcp.tool.ToolJson;
import ai.cinatra.adapters.http.mcp.tool.UseCaseTool;
import ai.cinatra.application.port.in.connector.ConnectorsUseCase;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.connector.Connector;
import ai.cinatra.domain.connector.ConnectorOperation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** connectors_list, and one {@code <connector>_<operation>} tool per configured operation. */
public final class ConnectorTools {
  private ConnectorTools() {}

  /** connectors_list. */
  public static List<McpTool> all(ConnectorsUseCase connectors) {
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
                c.operations().stream()
                    .filter(ConnectorOperation::enabled)
                    .forEach(o -> operations.add(o.name()));
              }
              return ToolJson.result(items.size() + " connectors", result);
            }));
    return tools;
  }

  /** One tool per operation of the configured connectors. */
  public static List<McpTool> operations(ConnectorsUseCase connectors, List<Connector> configured) {
    List<McpTool> tools = new ArrayList<>();
    for (Connector connector : configured) {
      for (ConnectorOperation operation : connector.operations()) {
        if (operation.enabled()) {
          tools.add(operationTool(connectors, connector, operation));
        }
      }
    }
    return tools;
  }

  private static McpTool operationTool(
      ConnectorsUseCase connectors, Connector connector, ConnectorOperation operation) {
    String name = connector.name() + "_" + operation.name();
    ObjectNode descriptor = ToolJson.object();
    descriptor.put("name", name);
    descriptor.put("title", connector.name() + " " + operation.name());
    descriptor.put(
        "description",
        (operation.description().isBlank()
                ? operation.method() + " " + operation.pathTemplate()
                : operation.description())
            + " (connector "
            + connector.name()
            + ", host "
            + connector.url().getHost()
            + "; this reaches outside the workspace)");
    descriptor.set("inputSchema", ToolJson.node(operation.inputSchema()));
    descriptor.set(
        "outputSchema",
        ToolDescriptors.parse(
            """
            {"type": "object", "properties": {"status": {"type": "integer"}, "body": {}},
             "required": ["status"]}
            """));
    ObjectNode annotations = descriptor.putObject("annotations");
    boolean reads = operation.method() == ConnectorOperation.Method.GET;
    annotations.put("readOnlyHint", reads);
    annotations.put("destructiveHint", operation.method() == ConnectorOperation.Method.DELETE);
    annotations.put("idempotentHint", reads || operation.method() == ConnectorOperation.Method.PUT);
    annotations.put("openWorldHint", true);
    return UseCaseTool.of(
        descriptor.toString(),
        operation.adminOnly() ? Role.ADMIN : Role.MEMBER,
        call -> {
          Map<String, Object> answer =
              connectors.call(
                  call.actor(), connector.name(), operation.name(), ToolJson.map(call.arguments()));
          return ToolJson.result(name + " answered " + answer.get("status"), ToolJson.node(answer));
        });
  }
}
