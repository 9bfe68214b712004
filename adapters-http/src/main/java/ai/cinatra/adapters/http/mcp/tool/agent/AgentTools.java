package ai.cinatra.adapters.http.mcp.tool.agent;

import ai.cinatra.adapters.http.mcp.tool.McpTool;
import ai.cinatra.adapters.http.mcp.tool.ToolJson;
import ai.cinatra.adapters.http.mcp.tool.UseCaseTool;
import ai.cinatra.application.port.in.agent.AgentsUseCase;
import ai.cinatra.application.port.in.agent.AgentsUseCase.AgentPage;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.agent.AgentDefinition;
import ai.cinatra.domain.agent.AgentId;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** agent_list and agent_source_read: what agents are installed and what each one does. */
public final class AgentTools {
  private static final String READ =
      "{\"readOnlyHint\": true, \"destructiveHint\": false, \"idempotentHint\": true,"
          + " \"openWorldHint\": false}";

  private AgentTools() {}

  public static List<McpTool> all(AgentsUseCase agents) {
    return List.of(
        UseCaseTool.of(
            """
            {"name": "agent_list", "title": "List agents",
             "description": "The installed agents: id, name, what each does, and the inputs it takes (its inputSchema). Pass nextCursor back as cursor for more.",
             "inputSchema": {"type": "object", "properties": {
               "cursor": {"type": "string", "maxLength": 100}}, "additionalProperties": false},
             "outputSchema": {"type": "object", "properties": {
               "agents": {"type": "array", "items": {"type": "object", "properties": {
                 "agentId": {"type": "string"}, "name": {"type": "string"},
                 "description": {"type": "string"}, "inputSchema": {"type": "object"}},
                "required": ["agentId", "name", "description", "inputSchema"]}},
               "nextCursor": {"type": "string"}},
              "required": ["agents"]},
             "annotations": %s}
            """
                .formatted(READ),
            Role.VIEWER,
            call -> {
              AgentPage page = agents.list(call.actor(), ToolJson.text(call.arguments(), "cursor"));
              ObjectNode result = ToolJson.object();
              var items = result.putArray("agents");
              for (AgentDefinition agent : page.agents()) {
                ObjectNode item = items.addObject();
                item.put("agentId", agent.id().value());
                item.put("name", agent.name());
                item.put("description", agent.description());
                item.set("inputSchema", ToolJson.node(agent.inputSchema()));
              }
              page.nextCursor().ifPresent(c -> result.put("nextCursor", c));
              return ToolJson.result(page.agents().size() + " agents", result);
            }),
        UseCaseTool.of(
            """
            {"name": "agent_source_read", "title": "Read an agent's definition",
             "description": "The whole definition document of one agent: its steps in order (message, connector, objects_save, approval, model) and their settings.",
             "inputSchema": {"type": "object", "properties": {
               "agentId": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]{0,62}$"}},
              "required": ["agentId"], "additionalProperties": false},
             "outputSchema": {"type": "object", "properties": {
               "agentId": {"type": "string"}, "name": {"type": "string"},
               "steps": {"type": "array"}}, "required": ["agentId", "name", "steps"]},
             "annotations": %s}
            """
                .formatted(READ),
            Role.VIEWER,
            call -> {
              AgentDefinition agent =
                  agents.source(
                      call.actor(), new AgentId(call.arguments().get("agentId").asText()));
              return ToolJson.result("agent " + agent.id(), ToolJson.node(agent.document()));
            }));
  }
}
