package ai.cinatra.adapters.http.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.adapters.http.mcp.jsonrpc.McpProtocolException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.mcp.LogLevel;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.GrantId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class McpToolCatalogTest {
  private static final McpToolContext NO_CLIENT =
      new McpToolContext() {
        @Override
        public void progress(double progress, Double total, String message) {}

        @Override
        public void log(LogLevel level, String logger, JsonNode data) {}

        @Override
        public boolean clientCan(String capability) {
          return false;
        }

        @Override
        public JsonNode ask(String method, ObjectNode params) {
          throw new ClientRequestFailedException("no client here");
        }

        @Override
        public void detach() {}
      };

  private int calls;

  private McpTool tool(String name, Role role, Function<ToolCall, ObjectNode> body) {
    ObjectNode descriptor =
        ToolDescriptors.parse(
            "{\"name\": \""
                + name
                + "\", \"description\": \"d\", \"inputSchema\": {\"type\": \"object\","
                + " \"properties\": {\"n\": {\"type\": \"integer\", \"maximum\": 10}},"
                + " \"additionalProperties\": false}}");
    return new McpTool() {
      @Override
      public ObjectNode descriptor() {
        return descriptor.deepCopy();
      }

      @Override
      public Role requiredRole() {
        return role;
      }

      @Override
      public ObjectNode call(ToolCall call) {
        calls++;
        return body.apply(call);
      }
    };
  }

  private static Actor actor(Role role) {
    return new Actor(
        AccountId.random(),
        new Email("a@b.c"),
        role,
        new ClientId("mcp_c"),
        GrantId.random(),
        Set.of());
  }

  private McpToolCatalog catalog(int pageSize) {
    McpToolCatalog catalog = new McpToolCatalog(pageSize);
    for (int i = 0; i < 5; i++) {
      catalog.register(tool("t" + i, Role.VIEWER, c -> ToolResults.ok("ok", null)));
    }
    return catalog.register(tool("admin_only", Role.ADMIN, c -> ToolResults.ok("ok", null)));
  }

  @Test
  void list_pagesThroughWhatTheRoleMaySee_andRefusesForeignCursors() {
    McpToolCatalog catalog = catalog(2);
    List<String> seen = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      ObjectNode page = catalog.list(actor(Role.MEMBER), cursor);
      page.get("tools").forEach(t -> seen.add(t.get("name").asText()));
      cursor = Optional.ofNullable(page.path("nextCursor").textValue());
    } while (cursor.isPresent());
    assertThat(seen).containsExactly("t0", "t1", "t2", "t3", "t4");
    assertThat(catalog.list(actor(Role.ADMIN), Optional.empty()).get("tools")).hasSize(2);

    assertThatThrownBy(() -> catalog.list(actor(Role.MEMBER), Optional.of("not-base64!")))
        .isInstanceOf(McpProtocolException.class)
        .hasMessage("invalid cursor");
    String pastAdminTool =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("after:admin_only".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(catalog.list(actor(Role.ADMIN), Optional.of(pastAdminTool)).get("tools")).isEmpty();
    // A cursor naming a tool the member cannot see does not reveal it either.
    assertThatThrownBy(() -> catalog.list(actor(Role.MEMBER), Optional.of(pastAdminTool)))
        .isInstanceOf(McpProtocolException.class);
  }

  @Test
  void call_validatesArgumentsBeforeTheToolRuns() {
    McpToolCatalog catalog = catalog(10);
    ObjectNode tooBig =
        catalog.call("t1", actor(Role.VIEWER), ToolDescriptors.parse("{\"n\": 11}"), NO_CLIENT);
    assertThat(tooBig.get("isError").asBoolean()).isTrue();
    assertThat(tooBig.at("/content/0/text").asText()).contains("invalid arguments for t1");
    ObjectNode unknownField =
        catalog.call("t1", actor(Role.VIEWER), ToolDescriptors.parse("{\"m\": 1}"), NO_CLIENT);
    assertThat(unknownField.get("isError").asBoolean()).isTrue();
    assertThat(calls).isZero();

    assertThat(catalog.call("t1", actor(Role.VIEWER), null, NO_CLIENT).get("isError").asBoolean())
        .isFalse();
    assertThat(calls).isEqualTo(1);
  }

  @Test
  void call_refusesWhatTheRoleMayNotDo_asAToolResult_andUnknownToolsAsAProtocolError() {
    McpToolCatalog catalog = catalog(10);
    ObjectNode refused = catalog.call("admin_only", actor(Role.MEMBER), null, NO_CLIENT);
    assertThat(refused.get("isError").asBoolean()).isTrue();
    assertThat(refused.at("/content/0/text").asText()).contains("needs admin");
    assertThat(calls).isZero();
    assertThatThrownBy(() -> catalog.call("nope", actor(Role.ADMIN), null, NO_CLIENT))
        .isInstanceOf(McpProtocolException.class);
  }

  @Test
  void toolFailures_becomeIsErrorResults_withoutLeakingInternals() {
    McpToolCatalog catalog =
        new McpToolCatalog(10)
            .register(
                tool(
                    "finds",
                    Role.VIEWER,
                    c -> {
                      throw new NotFoundException("no run with id r-1");
                    }))
            .register(
                tool(
                    "breaks",
                    Role.VIEWER,
                    c -> {
                      throw new IllegalStateException("secret stack detail");
                    }))
            .register(
                tool(
                    "asks",
                    Role.VIEWER,
                    c -> ToolResults.ok(c.context().ask("x", null).asText(), null)));

    assertThat(catalog.call("finds", actor(Role.VIEWER), null, NO_CLIENT).toString())
        .contains("no run with id r-1")
        .contains("\"isError\":true");
    assertThat(catalog.call("breaks", actor(Role.VIEWER), null, NO_CLIENT).toString())
        .doesNotContain("secret")
        .contains("failed unexpectedly");
    assertThat(catalog.call("asks", actor(Role.VIEWER), null, NO_CLIENT).toString())
        .contains("no client here");
  }

  @Test
  void register_refusesDuplicateAndMalformedTools() {
    McpToolCatalog catalog = catalog(10);
    assertThatThrownBy(() -> catalog.register(tool("t0", Role.VIEWER, c -> null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> catalog.register(tool("has space", Role.VIEWER, c -> null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void whoami_hasOutputSchemaAndAnnotations_andAnswersWithStructuredContent() {
    ObjectNode descriptor = new WhoamiTool().descriptor();
    assertThat(descriptor.has("outputSchema")).isTrue();
    assertThat(descriptor.at("/annotations/readOnlyHint").asBoolean()).isTrue();
    Actor actor = actor(Role.MEMBER);
    ObjectNode result =
        new WhoamiTool().call(new ToolCall(actor, ToolDescriptors.parse("{}"), NO_CLIENT));
    assertThat(result.at("/structuredContent/role").asText()).isEqualTo("member");
    assertThat(result.at("/structuredContent/accountId").asText())
        .isEqualTo(actor.account().toString());
  }
}
