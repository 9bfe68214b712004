package ai.cinatra.adapters.http.mcp.tool.workspace;

import static ai.cinatra.adapters.http.mcp.tool.workspace.WorkspaceJson.OBJECT_SCHEMA;
import static ai.cinatra.adapters.http.mcp.tool.workspace.WorkspaceJson.UUID_PATTERN;

import ai.cinatra.adapters.http.mcp.tool.McpTool;
import ai.cinatra.adapters.http.mcp.tool.ToolJson;
import ai.cinatra.adapters.http.mcp.tool.UseCaseTool;
import ai.cinatra.application.port.in.workspace.ObjectsUseCase;
import ai.cinatra.application.port.in.workspace.ObjectsUseCase.ObjectPage;
import ai.cinatra.application.port.in.workspace.ObjectsUseCase.SavedObject;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.workspace.ListId;
import ai.cinatra.domain.workspace.ObjectId;
import ai.cinatra.domain.workspace.WorkspaceObject;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** objects_list, objects_get, objects_save, objects_update, objects_delete. */
public final class ObjectTools {
  private ObjectTools() {}

  public static List<McpTool> all(ObjectsUseCase objects) {
    return List.of(
        UseCaseTool.of(
            """
            {"name": "objects_list", "title": "List objects",
             "description": "Objects of one type in the workspace, oldest first, 50 at a time. Narrow by list (listId) or by text the data contains (query); pass nextCursor back as cursor for more.",
             "inputSchema": {"type": "object", "properties": {
               "type": {"type": "string", "minLength": 1, "maxLength": 64},
               "listId": {"type": "string", %1$s},
               "query": {"type": "string", "maxLength": 200},
               "cursor": {"type": "string", "maxLength": 200}},
              "required": ["type"], "additionalProperties": false},
             "outputSchema": {"type": "object", "properties": {
               "objects": {"type": "array", "items": %2$s}, "nextCursor": {"type": "string"}},
              "required": ["objects"]},
             "annotations": {"readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false}}
            """
                .formatted(UUID_PATTERN, OBJECT_SCHEMA),
            Role.VIEWER,
            call -> {
              ObjectPage page =
                  objects.listObjects(
                      call.actor(),
                      call.arguments().get("type").asText(),
                      ToolJson.text(call.arguments(), "listId").map(ListId::parse),
                      ToolJson.text(call.arguments(), "query"),
                      ToolJson.text(call.arguments(), "cursor"));
              ObjectNode result = ToolJson.object();
              var items = result.putArray("objects");
              page.objects().forEach(o -> items.add(WorkspaceJson.object(o)));
              page.nextCursor().ifPresent(c -> result.put("nextCursor", c));
              return ToolJson.result(page.objects().size() + " objects", result);
            }),
        UseCaseTool.of(
            """
            {"name": "objects_get", "title": "Get an object",
             "description": "One object by its id, with its data and current version (pass the version to objects_update as expectedVersion).",
             "inputSchema": {"type": "object", "properties": {"objectId": {"type": "string", %1$s}},
              "required": ["objectId"], "additionalProperties": false},
             "outputSchema": %2$s,
             "annotations": {"readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false}}
            """
                .formatted(UUID_PATTERN, OBJECT_SCHEMA),
            Role.VIEWER,
            call -> {
              WorkspaceObject o = objects.getObject(call.actor(), objectId(call.arguments()));
              return ToolJson.result("object " + o.id(), WorkspaceJson.object(o));
            }),
        UseCaseTool.of(
            """
            {"name": "objects_save", "title": "Save an object",
             "description": "Saves data as an object of typeHint (default note). When an object of that type already has the same id, email, url or name field, the data is merged into it (new values win, null removes a field) instead of creating a duplicate. listId also adds it to that list.",
             "inputSchema": {"type": "object", "properties": {
               "rawData": {"type": "object", "maxProperties": 200},
               "typeHint": {"type": "string", "minLength": 1, "maxLength": 64},
               "listId": {"type": "string", %1$s}},
              "required": ["rawData"], "additionalProperties": false},
             "outputSchema": {"type": "object", "properties": {
               "objectId": {"type": "string"}, "isNew": {"type": "boolean"},
               "wasMerged": {"type": "boolean"}, "object": %2$s},
              "required": ["objectId", "isNew", "wasMerged", "object"]},
             "annotations": {"readOnlyHint": false, "destructiveHint": false, "idempotentHint": false, "openWorldHint": false}}
            """
                .formatted(UUID_PATTERN, OBJECT_SCHEMA),
            Role.MEMBER,
            call -> {
              SavedObject saved =
                  objects.saveObject(
                      call.actor(),
                      ToolJson.map(call.arguments().get("rawData")),
                      ToolJson.text(call.arguments(), "typeHint"),
                      ToolJson.text(call.arguments(), "listId").map(ListId::parse));
              ObjectNode result = ToolJson.object();
              result.put("objectId", saved.object().id().toString());
              result.put("isNew", saved.isNew());
              result.put("wasMerged", saved.wasMerged());
              result.set("object", WorkspaceJson.object(saved.object()));
              return ToolJson.result(
                  (saved.isNew() ? "created " : "merged into ") + saved.object().id(), result);
            }),
        UseCaseTool.of(
            """
            {"name": "objects_update", "title": "Replace an object's data",
             "description": "Replaces the data of an object. Give expectedVersion (from objects_get) so a change made meanwhile by someone else is not overwritten: a stale version is refused.",
             "inputSchema": {"type": "object", "properties": {
               "objectId": {"type": "string", %1$s},
               "data": {"type": "object", "maxProperties": 200},
               "expectedVersion": {"type": "integer", "minimum": 1}},
              "required": ["objectId", "data"], "additionalProperties": false},
             "outputSchema": %2$s,
             "annotations": {"readOnlyHint": false, "destructiveHint": true, "idempotentHint": true, "openWorldHint": false}}
            """
                .formatted(UUID_PATTERN, OBJECT_SCHEMA),
            Role.MEMBER,
            call -> {
              ObjectNode args = call.arguments();
              WorkspaceObject o =
                  objects.updateObject(
                      call.actor(),
                      objectId(args),
                      ToolJson.map(args.get("data")),
                      args.hasNonNull("expectedVersion")
                          ? Optional.of(args.get("expectedVersion").asLong())
                          : Optional.empty());
              return ToolJson.result(
                  "updated " + o.id() + " to version " + o.version(), WorkspaceJson.object(o));
            }),
        UseCaseTool.of(
            """
            {"name": "objects_delete", "title": "Delete an object",
             "description": "Deletes an object; it also leaves every list it was in.",
             "inputSchema": {"type": "object", "properties": {"objectId": {"type": "string", %1$s}},
              "required": ["objectId"], "additionalProperties": false},
             "outputSchema": {"type": "object", "properties": {"deleted": {"type": "boolean"}},
              "required": ["deleted"]},
             "annotations": {"readOnlyHint": false, "destructiveHint": true, "idempotentHint": false, "openWorldHint": false}}
            """
                .formatted(UUID_PATTERN),
            Role.MEMBER,
            call -> {
              ObjectId id = objectId(call.arguments());
              objects.deleteObject(call.actor(), id);
              ObjectNode result = ToolJson.object();
              result.put("deleted", true);
              return ToolJson.result("deleted " + id, result);
            }));
  }

  private static ObjectId objectId(ObjectNode arguments) {
    return ObjectId.parse(arguments.get("objectId").asText());
  }
}
