package ai.cinatra.adapters.http.mcp.tool.admin;

import ai.cinatra.adapters.http.mcp.tool.McpTool;
import ai.cinatra.adapters.http.mcp.tool.ToolJson;
import ai.cinatra.adapters.http.mcp.tool.UseCaseTool;
import ai.cinatra.application.port.in.account.AccountAdminUseCase;
import ai.cinatra.application.port.in.audit.AuditQuery;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.audit.AuditEntry;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** accounts_list, accounts_role_update, accounts_disable and audit_list: for admins only. */
public final class AdminTools {
  private static final String ACCOUNT_SCHEMA =
      """
      {"type": "object", "properties": {
        "accountId": {"type": "string"}, "email": {"type": "string"},
        "role": {"type": "string", "enum": ["viewer", "member", "admin"]},
        "status": {"type": "string", "enum": ["active", "disabled"]},
        "createdAt": {"type": "string"}},
       "required": ["accountId", "email", "role", "status", "createdAt"]}
      """;
  private static final String ACCOUNT_ID =
      "\"accountId\": {\"type\": \"string\", \"pattern\":"
          + " \"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$\"}";

  private AdminTools() {}

  public static List<McpTool> all(AccountAdminUseCase accounts, AuditQuery audit) {
    return List.of(
        UseCaseTool.of(
            """
            {"name": "accounts_list", "title": "List accounts",
             "description": "Every account with its role and status.",
             "inputSchema": {"type": "object", "properties": {}, "additionalProperties": false},
             "outputSchema": {"type": "object", "properties": {
               "accounts": {"type": "array", "items": %s}}, "required": ["accounts"]},
             "annotations": {"readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false}}
            """
                .formatted(ACCOUNT_SCHEMA),
            Role.ADMIN,
            call -> {
              ObjectNode result = ToolJson.object();
              var items = result.putArray("accounts");
              List<Account> all = accounts.listAccounts(call.actor());
              all.forEach(a -> items.add(account(a)));
              return ToolJson.result(all.size() + " accounts", result);
            }),
        UseCaseTool.of(
            """
            {"name": "accounts_role_update", "title": "Change an account's role",
             "description": "Sets an account's role (viewer, member, admin); it decides the account's very next call, and its connected clients are told their tools changed. The last active admin cannot be demoted.",
             "inputSchema": {"type": "object", "properties": {%s,
               "role": {"type": "string", "enum": ["viewer", "member", "admin"]}},
              "required": ["accountId", "role"], "additionalProperties": false},
             "outputSchema": %s,
             "annotations": {"readOnlyHint": false, "destructiveHint": true, "idempotentHint": true, "openWorldHint": false}}
            """
                .formatted(ACCOUNT_ID, ACCOUNT_SCHEMA),
            Role.ADMIN,
            call -> {
              Account changed =
                  accounts.changeRole(
                      call.actor(),
                      AccountId.parse(call.arguments().get("accountId").asText()),
                      Role.parse(call.arguments().get("role").asText()));
              return ToolJson.result(
                  changed.email() + " is now " + changed.role().wireName(), account(changed));
            }),
        UseCaseTool.of(
            """
            {"name": "accounts_disable", "title": "Disable an account",
             "description": "Disables an account: every token of it stops working on its next request. The last active admin cannot be disabled.",
             "inputSchema": {"type": "object", "properties": {%s},
              "required": ["accountId"], "additionalProperties": false},
             "outputSchema": %s,
             "annotations": {"readOnlyHint": false, "destructiveHint": true, "idempotentHint": true, "openWorldHint": false}}
            """
                .formatted(ACCOUNT_ID, ACCOUNT_SCHEMA),
            Role.ADMIN,
            call -> {
              Account disabled =
                  accounts.disable(
                      call.actor(), AccountId.parse(call.arguments().get("accountId").asText()));
              return ToolJson.result(disabled.email() + " is disabled", account(disabled));
            }),
        UseCaseTool.of(
            """
            {"name": "audit_list", "title": "Read the audit trail",
             "description": "What was changed or attempted, newest first: account, client, action, target, outcome (ok, refused, not_found, conflict, invalid, upstream_failed) and time. Pass nextBeforeId back as beforeId for older entries.",
             "inputSchema": {"type": "object", "properties": {
               "beforeId": {"type": "integer", "minimum": 1},
               "limit": {"type": "integer", "minimum": 1, "maximum": 200}},
              "additionalProperties": false},
             "outputSchema": {"type": "object", "properties": {
               "entries": {"type": "array", "items": {"type": "object", "properties": {
                 "id": {"type": "integer"}, "accountId": {"type": "string"},
                 "clientId": {"type": "string"}, "action": {"type": "string"},
                 "target": {"type": "string"}, "outcome": {"type": "string"},
                 "at": {"type": "string"}},
                "required": ["id", "accountId", "clientId", "action", "target", "outcome", "at"]}},
               "nextBeforeId": {"type": "integer"}},
              "required": ["entries"]},
             "annotations": {"readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false}}
            """,
            Role.ADMIN,
            call -> {
              ObjectNode args = call.arguments();
              int limit = args.path("limit").asInt(50);
              List<AuditEntry> entries =
                  audit.audit(
                      call.actor(),
                      args.hasNonNull("beforeId")
                          ? Optional.of(args.get("beforeId").asLong())
                          : Optional.empty(),
                      limit);
              ObjectNode result = ToolJson.object();
              var items = result.putArray("entries");
              for (AuditEntry e : entries) {
                items
                    .addObject()
                    .put("id", e.id())
                    .put("accountId", e.account().toString())
                    .put("clientId", e.client().value())
                    .put("action", e.action())
                    .put("target", e.target())
                    .put("outcome", e.outcome())
                    .put("at", e.at().toString());
              }
              if (entries.size() == limit) {
                result.put("nextBeforeId", entries.get(entries.size() - 1).id());
              }
              return ToolJson.result(entries.size() + " audit entries", result);
            }));
  }

  private static ObjectNode account(Account a) {
    ObjectNode node = ToolJson.object();
    node.put("accountId", a.id().toString());
    node.put("email", a.email().value());
    node.put("role", a.role().wireName());
    node.put("status", a.status().name().toLowerCase(Locale.ROOT));
    node.put("createdAt", a.createdAt().toString());
    return node;
  }
}
