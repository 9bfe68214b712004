package ai.cinatra.adapters.http.mcp.tool.admin;

import ai.cinatra.adapters.http.mcp.tool.McpTool;
import ai.cinatra.adapters.http.mcp.tool.ToolJson;
import ai.cinatra.adapters.http.mcp.tool.UseCaseTool;
import ai.cinatra.application.port.in.oauth.ClientAdminUseCase;
import ai.cinatra.application.port.in.oauth.ClientAdminUseCase.ClientListing;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.oauth.ClientId;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** mcp_clients_list and mcp_client_disconnect: the registered clients, for admins. */
public final class ClientTools {
  private ClientTools() {}

  public static List<McpTool> all(ClientAdminUseCase clients) {
    return List.of(
        UseCaseTool.of(
            """
            {"name": "mcp_clients_list", "title": "List MCP clients",
             "description": "Registered MCP clients with the accounts connected through each and when each was last used; nameContains filters by name, any case.",
             "inputSchema": {"type": "object", "properties": {
               "nameContains": {"type": "string", "maxLength": 100},
               "cursor": {"type": "string", "maxLength": 255}}, "additionalProperties": false},
             "outputSchema": {"type": "object", "properties": {
               "clients": {"type": "array", "items": {"type": "object", "properties": {
                 "clientId": {"type": "string"}, "clientName": {"type": "string"},
                 "connectedAccounts": {"type": "array", "items": {"type": "object", "properties": {
                   "accountId": {"type": "string"}, "email": {"type": "string"}, "since": {"type": "string"}}}},
                 "lastUsedAt": {"type": "string"}},
                "required": ["clientId", "connectedAccounts"]}},
               "nextCursor": {"type": "string"}},
              "required": ["clients"]},
             "annotations": {"readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false}}
            """,
            Role.ADMIN,
            call -> {
              var page =
                  clients.listClientsAsAdmin(
                      call.actor(),
                      text(call.arguments(), "nameContains"),
                      text(call.arguments(), "cursor"),
                      ClientAdminUseCase.MAX_PAGE);
              ObjectNode result = ToolJson.object();
              var items = result.putArray("clients");
              page.clients().forEach(c -> items.add(client(c)));
              page.nextCursor().ifPresent(n -> result.put("nextCursor", n));
              return ToolJson.result(items.size() + " clients", result);
            }),
        UseCaseTool.of(
            """
            {"name": "mcp_client_disconnect", "title": "Disconnect an MCP client",
             "description": "Revokes every grant and token of the client, for every account at once; its next request is refused. Connecting again needs a new sign-in and consent.",
             "inputSchema": {"type": "object", "properties": {
               "clientId": {"type": "string", "minLength": 1, "maxLength": 255, "description": "an id from mcp_clients_list: a registered client's id, or a metadata document client's URL"}},
              "required": ["clientId"], "additionalProperties": false},
             "outputSchema": {"type": "object", "properties": {
               "clientId": {"type": "string"}, "disconnectedAccounts": {"type": "integer"}},
              "required": ["clientId", "disconnectedAccounts"]},
             "annotations": {"readOnlyHint": false, "destructiveHint": true, "idempotentHint": true, "openWorldHint": false}}
            """,
            Role.ADMIN,
            call -> {
              ClientId id = new ClientId(call.arguments().get("clientId").asText());
              int accounts = clients.disconnect(call.actor(), id);
              ObjectNode result = ToolJson.object();
              result.put("clientId", id.value());
              result.put("disconnectedAccounts", accounts);
              return ToolJson.result(
                  id.value() + " disconnected (" + accounts + " accounts)", result);
            }));
  }

  private static Optional<String> text(ObjectNode arguments, String field) {
    return arguments.hasNonNull(field)
        ? Optional.of(arguments.get(field).asText())
        : Optional.empty();
  }

  private static ObjectNode client(ClientListing listing) {
    var c = listing.client();
    ObjectNode node = ToolJson.object();
    node.put("clientId", c.clientId().value());
    c.clientName().ifPresent(n -> node.put("clientName", n));
    var accounts = node.putArray("connectedAccounts");
    c.accounts()
        .forEach(
            a -> {
              ObjectNode account = accounts.addObject();
              account.put("accountId", a.account().toString());
              account.put("email", a.email().value());
              account.put("since", a.since().toString());
            });
    c.lastUsedAt().ifPresent(t -> node.put("lastUsedAt", t.toString()));
    return node;
  }
}
