package ai.cinatra.adapters.http.mcp.tool;

import ai.cinatra.domain.access.Actor;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One call of a tool: who calls, with which (validated) arguments, and the way to the client. */
public record ToolCall(Actor actor, ObjectNode arguments, McpToolContext context) {
  public ToolCall {
    if (actor == null || arguments == null || context == null) {
      throw new IllegalArgumentException("a tool call has an actor, arguments and a context");
    }
  }
}
