package ai.cinatra.adapters.http.mcp.tool.workspace;

import static ai.cinatra.adapters.http.mcp.tool.workspace.WorkspaceJson.LIST_SCHEMA;
import static ai.cinatra.adapters.http.mcp.tool.workspace.WorkspaceJson.UUID_PATTERN;

import ai.cinatra.adapters.http.mcp.tool.McpTool;
import ai.cinatra.adapters.http.mcp.tool.ToolJson;
import ai.cinatra.adapters.http.mcp.tool.UseCaseTool;
import ai.cinatra.application.port.in.workspace.ListsUseCase;
import ai.cinatra.application.port.in.workspace.ListsUseCase.ListView;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.workspace.ListId;
import ai.cinatra.domain.workspace.ObjectId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** lists_list, lists_get, lists_create, lists_members_add, lists_members_remove. */
public final class ListTools {
  private static final String READ =
      "{\"readOnlyHint\": true, \"destructiveHint\": false, \"idempotentHint\": true,"
          + " \"openWorldHint\": false}";

  private ListTools() {}

  public static List<McpTool> all(ListsUseCase lists) {
    return List.of(
        UseCaseTool.of(
            """
            {"name": "lists_list", "title": "List lists",
             "description": "Every named list of objects in the workspace, with its size.",
             "inputSchema": {"type": "object", "properties": {}, "additionalProperties": false},
             "outputSchema": {"type": "object", "properties": {
               "lists": {"type": "array", "items": %1$s}}, "required": ["lists"]},
             "annotations": %2$s}
            """
                .formatted(LIST_SCHEMA, READ),
            Role.VIEWER,
            call -> {
              ObjectNode result = ToolJson.object();
              var items = result.putArray("lists");
              List<ListView> views = lists.lists(call.actor());
              views.forEach(v -> items.add(WorkspaceJson.list(v, false)));
              return ToolJson.result(views.size() + " lists", result);
            }),
        UseCaseTool.of(
            """
            {"name": "lists_get", "title": "Get a list",
             "description": "One list with its size and its first 100 member object ids (objects_list with listId pages through all of them).",
             "inputSchema": {"type": "object", "properties": {"listId": {"type": "string", %1$s}},
              "required": ["listId"], "additionalProperties": false},
             "outputSchema": %2$s, "annotations": %3$s}
            """
                .formatted(UUID_PATTERN, LIST_SCHEMA, READ),
            Role.VIEWER,
            call -> view(lists.getList(call.actor(), listId(call.arguments())))),
        UseCaseTool.of(
            """
            {"name": "lists_create", "title": "Create a list",
             "description": "Creates an empty named list of objects.",
             "inputSchema": {"type": "object", "properties": {
               "name": {"type": "string", "minLength": 1, "maxLength": 200}},
              "required": ["name"], "additionalProperties": false},
             "outputSchema": %1$s,
             "annotations": {"readOnlyHint": false, "destructiveHint": false, "idempotentHint": false, "openWorldHint": false}}
            """
                .formatted(LIST_SCHEMA),
            Role.MEMBER,
            call -> view(lists.createList(call.actor(), call.arguments().get("name").asText()))),
        members(
            "lists_members_add",
            "Add objects to a list",
            "Adds up to 100 objects to a list; objects already in it stay. Nothing is added when any id is unknown.",
            false,
            lists::addMembers),
        members(
            "lists_members_remove",
            "Remove objects from a list",
            "Removes up to 100 objects from a list; the objects themselves stay.",
            true,
            lists::removeMembers));
  }

  private static McpTool members(
      String name, String title, String description, boolean destructive, MembersChange change) {
    return UseCaseTool.of(
        """
        {"name": "%1$s", "title": "%2$s", "description": "%3$s",
         "inputSchema": {"type": "object", "properties": {
           "listId": {"type": "string", %4$s},
           "objectIds": {"type": "array", "minItems": 1, "maxItems": 100,
                         "items": {"type": "string", %4$s}}},
          "required": ["listId", "objectIds"], "additionalProperties": false},
         "outputSchema": %5$s,
         "annotations": {"readOnlyHint": false, "destructiveHint": %6$s, "idempotentHint": true, "openWorldHint": false}}
        """
            .formatted(name, title, description, UUID_PATTERN, LIST_SCHEMA, destructive),
        Role.MEMBER,
        call -> {
          List<ObjectId> ids = new ArrayList<>();
          for (JsonNode id : call.arguments().get("objectIds")) {
            ids.add(ObjectId.parse(id.asText()));
          }
          return view(change.apply(call.actor(), listId(call.arguments()), ids));
        });
  }

  /** A change of a list's members, as the use case offers it. */
  @FunctionalInterface
  private interface MembersChange {
    ListView apply(Actor actor, ListId list, List<ObjectId> objects);
  }

  private static ObjectNode view(ListView view) {
    return ToolJson.result("list " + view.list().name(), WorkspaceJson.list(view, true));
  }

  private static ListId listId(ObjectNode arguments) {
    return ListId.parse(arguments.get("listId").asText());
  }
}
