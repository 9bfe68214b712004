package ai.cinatra.adapters.http.mcp.tool.workspace;

import ai.cinatra.adapters.http.mcp.tool.ToolJson;
import ai.cinatra.application.port.in.workspace.ListsUseCase.ListView;
import ai.cinatra.domain.workspace.ObjectId;
import ai.cinatra.domain.workspace.WorkspaceObject;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The wire shapes of objects and lists, and the JSON Schemas that describe them. */
final class WorkspaceJson {
  static final String UUID_PATTERN =
      "\"pattern\": \"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$\"";

  static final String OBJECT_SCHEMA =
      """
      {"type": "object", "properties": {
        "objectId": {"type": "string"}, "type": {"type": "string"}, "data": {"type": "object"},
        "createdAt": {"type": "string"}, "updatedAt": {"type": "string"},
        "version": {"type": "integer"}},
       "required": ["objectId", "type", "data", "createdAt", "updatedAt", "version"]}
      """;

  static final String LIST_SCHEMA =
      """
      {"type": "object", "properties": {
        "listId": {"type": "string"}, "name": {"type": "string"}, "size": {"type": "integer"},
        "createdAt": {"type": "string"},
        "members": {"type": "array", "items": {"type": "string"}}},
       "required": ["listId", "name", "size", "createdAt"]}
      """;

  private WorkspaceJson() {}

  static ObjectNode object(WorkspaceObject o) {
    ObjectNode node = ToolJson.object();
    node.put("objectId", o.id().toString());
    node.put("type", o.type().value());
    node.set("data", ToolJson.node(o.data()));
    node.put("createdAt", o.createdAt().toString());
    node.put("updatedAt", o.updatedAt().toString());
    node.put("version", o.version());
    return node;
  }

  static ObjectNode list(ListView view, boolean withMembers) {
    ObjectNode node = ToolJson.object();
    node.put("listId", view.list().id().toString());
    node.put("name", view.list().name());
    node.put("size", view.size());
    node.put("createdAt", view.list().createdAt().toString());
    if (withMembers) {
      var members = node.putArray("members");
      for (ObjectId member : view.members()) {
        members.add(member.toString());
      }
    }
    return node;
  }
}
