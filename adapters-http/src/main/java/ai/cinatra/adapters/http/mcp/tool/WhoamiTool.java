package ai.cinatra.adapters.http.mcp.tool;

import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.account.Role;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** whoami: the account this client acts as, its current role, and the client. */
public final class WhoamiTool implements McpTool {
  private static final ObjectNode DESCRIPTOR =
      ToolDescriptors.parse(
          """
          {"name": "whoami", "title": "Who am I",
           "description": "The account this client acts as, its current role (viewer, member or admin), and the client. Call it to learn what you may do before trying.",
           "inputSchema": {"type": "object", "properties": {}, "additionalProperties": false},
           "outputSchema": {"type": "object",
             "properties": {"accountId": {"type": "string"}, "email": {"type": "string"},
                            "role": {"type": "string", "enum": ["viewer", "member", "admin"]},
                            "clientId": {"type": "string"}},
             "required": ["accountId", "email", "role", "clientId"]},
           "annotations": {"readOnlyHint": true, "destructiveHint": false,
                           "idempotentHint": true, "openWorldHint": false}}
          """);

  @Override
  public ObjectNode descriptor() {
    return DESCRIPTOR.deepCopy();
  }

  @Override
  public Role requiredRole() {
    return Role.VIEWER;
  }

  @Override
  public ObjectNode call(ToolCall call) {
    Actor actor = call.actor();
    ObjectNode structured = JsonNodeFactory.instance.objectNode();
    structured.put("accountId", actor.account().toString());
    structured.put("email", actor.email().value());
    structured.put("role", actor.role().wireName());
    structured.put("clientId", actor.client().value());
    return ToolResults.ok(
        "You are "
            + actor.email()
            + " ("
            + actor.role().wireName()
            + ") through client "
            + actor.client()
            + ".",
        structured);
  }
}
