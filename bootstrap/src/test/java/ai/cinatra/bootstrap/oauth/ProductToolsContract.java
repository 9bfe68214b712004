package ai.cinatra.bootstrap.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.bootstrap.CinatraConfiguration;
import ai.cinatra.domain.account.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The product's tools (objects, lists, accounts, audit) through the MCP endpoint, as a client calls
 * them: what a member may do, what a viewer may not, what only an admin may, a demotion taking
 * effect on the next call, and each bad input answered with an isError result that changes nothing.
 * On H2 and PostgreSQL by the subclasses.
 */
abstract class ProductToolsContract {
  static final ObjectMapper JSON = new ObjectMapper();

  abstract DropwizardAppExtension<CinatraConfiguration> app();

  /** Stores a webhook connector straight in the database, as `connector webhook` would. */
  void saveWebhook(String name, String url) {
    new ai.cinatra.adapters.persistence.connector.JdbiConnectorRepository(database())
        .save(
            new ai.cinatra.domain.connector.Connector(
                name,
                ai.cinatra.domain.connector.Connector.Kind.WEBHOOK,
                java.net.URI.create(url),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                List.of(),
                java.time.Instant.now()));
  }

  /** The local receivers and stand-ins listen on 127.0.0.1, which an operator must allow. */
  static final io.dropwizard.testing.ConfigOverride LOOPBACK_ALLOWED =
      io.dropwizard.testing.ConfigOverride.config("connectors.allowedPrivateHosts", "127.0.0.1");

  abstract Jdbi database();

  /** An MCP session for a new account with this role. */
  final class Client {
    final String email = "ws-" + UUID.randomUUID() + "@example.org";
    final String token;
    final String session;
    private int id;

    Client(Role role) throws Exception {
      token = McpEndpointContract.tokenFor(base(), database(), email);
      session =
          new Browser(base())
              .postJsonWithBearer("/api/mcp", OAuthFlowContract.INITIALIZE, token, null)
              .headers()
              .firstValue("Mcp-Session-Id")
              .orElseThrow();
      setRole(role);
    }

    /** Changes the role as another node would, and waits until the server has learnt of it. */
    void setRole(Role role) throws Exception {
      AnotherNode.changeRole(database(), email, role);
      AnotherNode.awaitSeen(
          email + " as " + role.wireName(),
          () -> ok("whoami", "{}").get("role").asText().equals(role.wireName()));
    }

    /** The tools/call result. */
    JsonNode call(String tool, String arguments) throws Exception {
      String body =
          new Browser(base())
              .postJsonWithBearer(
                  "/api/mcp", McpEndpointContract.call(++id, tool, arguments), token, session)
              .body();
      JsonNode result = JSON.readTree(body).get("result");
      assertThat(result).as(body).isNotNull();
      return result;
    }

    JsonNode ok(String tool, String arguments) throws Exception {
      JsonNode result = call(tool, arguments);
      assertThat(result.get("isError").asBoolean()).as(result.toString()).isFalse();
      return result.get("structuredContent");
    }

    String refused(String tool, String arguments) throws Exception {
      JsonNode result = call(tool, arguments);
      assertThat(result.get("isError").asBoolean()).as(result.toString()).isTrue();
      assertThat(result.has("structuredContent")).isFalse();
      return result.at("/content/0/text").asText();
    }

    List<String> toolNames() throws Exception {
      List<String> names = new ArrayList<>();
      String cursor = null;
      do {
        JsonNode page =
            JSON.readTree(
                    new Browser(base())
                        .postJsonWithBearer(
                            "/api/mcp",
                            "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"tools/list\",\"params\":"
                                + (cursor == null ? "{}" : "{\"cursor\":\"" + cursor + "\"}")
                                + "}",
                            token,
                            session)
                        .body())
                .get("result");
        page.get("tools").forEach(t -> names.add(t.get("name").asText()));
        cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
      } while (cursor != null);
      return names;
    }
  }

  String base() {
    return "http://127.0.0.1:" + app().getLocalPort();
  }

  int audited(String action, String outcome) {
    return database()
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) from audit_entries where action = :a and outcome = :o")
                    .bind("a", action)
                    .bind("o", outcome)
                    .mapTo(Integer.class)
                    .one());
  }

  @Test
  void aMember_savesMergesUpdatesListsAndDeletes() throws Exception {
    Client member = new Client(Role.MEMBER);
    String email = "ada-" + UUID.randomUUID() + "@example.org";
    JsonNode created =
        member.ok(
            "objects_save",
            "{\"rawData\":{\"email\":\""
                + email
                + "\",\"name\":\"Ada\"},\"typeHint\":\"contact\"}");
    assertThat(created.get("isNew").asBoolean()).isTrue();
    String id = created.get("objectId").asText();

    JsonNode merged =
        member.ok(
            "objects_save",
            "{\"rawData\":{\"email\":\""
                + email.toUpperCase()
                + "\",\"title\":\"Countess\"},"
                + "\"typeHint\":\"contact\"}");
    assertThat(merged.get("wasMerged").asBoolean()).isTrue();
    assertThat(merged.get("objectId").asText()).isEqualTo(id);
    assertThat(merged.at("/object/version").asInt()).isEqualTo(2);

    JsonNode updated =
        member.ok(
            "objects_update",
            "{\"objectId\":\"" + id + "\",\"data\":{\"name\":\"Ada L.\"},\"expectedVersion\":2}");
    assertThat(updated.get("version").asInt()).isEqualTo(3);
    String stale =
        member.refused(
            "objects_update",
            "{\"objectId\":\"" + id + "\",\"data\":{\"name\":\"lost\"},\"expectedVersion\":2}");
    assertThat(stale).contains("is at version 3, not 2");
    assertThat(member.ok("objects_get", "{\"objectId\":\"" + id + "\"}").at("/data/name").asText())
        .isEqualTo("Ada L.");

    JsonNode list = member.ok("lists_create", "{\"name\":\"Leads\"}");
    String listId = list.get("listId").asText();
    member.ok(
        "lists_members_add", "{\"listId\":\"" + listId + "\",\"objectIds\":[\"" + id + "\"]}");
    assertThat(member.ok("lists_get", "{\"listId\":\"" + listId + "\"}").get("members").toString())
        .contains(id);
    JsonNode inList =
        member.ok("objects_list", "{\"type\":\"contact\",\"listId\":\"" + listId + "\"}");
    assertThat(inList.get("objects")).hasSize(1);
    assertThat(member.ok("objects_list", "{\"type\":\"contact\",\"query\":\"ada l.\"}").toString())
        .contains(id);

    member.ok("objects_delete", "{\"objectId\":\"" + id + "\"}");
    assertThat(member.refused("objects_get", "{\"objectId\":\"" + id + "\"}"))
        .isEqualTo("no object with id " + id);
    assertThat(member.ok("lists_get", "{\"listId\":\"" + listId + "\"}").get("size").asInt())
        .isZero();
  }

  @Test
  void aViewer_readsButEveryWriteIsRefusedAndAudited_andADemotionActsOnTheNextCall()
      throws Exception {
    Client viewer = new Client(Role.VIEWER);
    assertThat(viewer.toolNames())
        .contains("objects_list", "objects_get", "lists_list", "lists_get", "whoami")
        .doesNotContain("objects_save", "objects_update", "objects_delete", "lists_create");
    viewer.ok("objects_list", "{\"type\":\"contact\"}");
    int refusedBefore = audited("objects_save", "refused");
    assertThat(viewer.refused("objects_save", "{\"rawData\":{\"name\":\"x\"}}"))
        .contains("your role (viewer) may not objects_save; it needs member");
    assertThat(viewer.refused("lists_create", "{\"name\":\"mine\"}")).contains("needs member");
    assertThat(audited("objects_save", "refused")).isEqualTo(refusedBefore + 1);

    Client member = new Client(Role.MEMBER);
    member.ok("objects_save", "{\"rawData\":{\"name\":\"first\"}}");
    member.setRole(Role.VIEWER);
    assertThat(member.refused("objects_save", "{\"rawData\":{\"name\":\"second\"}}"))
        .contains("(viewer)");
    assertThat(member.toolNames()).doesNotContain("objects_save");
  }

  @Test
  void badInput_isAnIsErrorResult_andWritesNothing() throws Exception {
    Client member = new Client(Role.MEMBER);
    assertThat(member.refused("objects_get", "{\"objectId\":\"../../etc\"}"))
        .startsWith("invalid arguments for objects_get");
    String unknown = UUID.randomUUID().toString();
    assertThat(member.refused("objects_delete", "{\"objectId\":\"" + unknown + "\"}"))
        .isEqualTo("no object with id " + unknown);
    assertThat(
            member.refused("objects_list", "{\"type\":\"contact\",\"listId\":\"" + unknown + "\"}"))
        .contains("no list with id");
    StringBuilder tooMany = new StringBuilder("{");
    for (int i = 0; i < 201; i++) {
      tooMany.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":1");
    }
    assertThat(member.refused("objects_save", "{\"rawData\":" + tooMany + "}}"))
        .contains("invalid arguments");
    assertThat(
            member.refused("objects_save", "{\"rawData\":{\"a\":1},\"typeHint\":\"Not A Type!\"}"))
        .contains("object type");
    assertThat(member.refused("objects_list", "{\"type\":\"contact\",\"cursor\":\"garbage\"}"))
        .contains("invalid cursor");
    assertThat(member.ok("objects_list", "{\"type\":\"note\"}").get("objects")).isEmpty();
  }

  @Test
  void anAdmin_managesAccountsAndReadsTheAudit_othersCannot_andOneAdminAlwaysRemains()
      throws Exception {
    Client admin = new Client(Role.ADMIN);
    Client member = new Client(Role.MEMBER);
    assertThat(member.toolNames()).doesNotContain("accounts_list", "audit_list");
    assertThat(member.refused("accounts_list", "{}")).contains("needs admin");

    String memberId = member.ok("whoami", "{}").get("accountId").asText();
    JsonNode demoted =
        admin.ok(
            "accounts_role_update", "{\"accountId\":\"" + memberId + "\",\"role\":\"viewer\"}");
    assertThat(demoted.get("role").asText()).isEqualTo("viewer");
    assertThat(member.refused("objects_save", "{\"rawData\":{\"a\":1}}")).contains("(viewer)");

    admin.ok("accounts_disable", "{\"accountId\":\"" + memberId + "\"}");
    int status =
        new Browser(base())
            .postJsonWithBearer(
                "/api/mcp",
                McpEndpointContract.call(1, "whoami", "{}"),
                member.token,
                member.session)
            .statusCode();
    assertThat(status).isEqualTo(401);

    JsonNode audit = admin.ok("audit_list", "{\"limit\":3}");
    List<String> newest = new ArrayList<>();
    audit
        .get("entries")
        .forEach(e -> newest.add(e.get("action").asText() + ":" + e.get("outcome").asText()));
    assertThat(newest)
        .containsExactly("accounts_disable:ok", "objects_save:refused", "accounts_role_update:ok");
    assertThat(audit.get("nextBeforeId").asLong())
        .isEqualTo(audit.get("entries").get(2).get("id").asLong());

    // Whichever admins other tests made, demoting every one of them must stop at the last.
    JsonNode all = admin.ok("accounts_list", "{}");
    String lastRefusal = null;
    for (JsonNode account : all.get("accounts")) {
      if (account.get("role").asText().equals("admin")
          && account.get("status").asText().equals("active")) {
        JsonNode result =
            admin.call(
                "accounts_role_update",
                "{\"accountId\":\""
                    + account.get("accountId").asText()
                    + "\",\"role\":\"member\"}");
        if (result.get("isError").asBoolean()) {
          lastRefusal = result.at("/content/0/text").asText();
        }
      }
    }
    assertThat(lastRefusal).contains("always keeps one active admin");
  }

  @Test
  void anAdmin_listsClientsAndDisconnectsOne_andThatClientsTokenStopsAtOnce() throws Exception {
    Client member = new Client(Role.MEMBER);
    Client admin = new Client(Role.ADMIN);
    assertThat(member.refused("mcp_clients_list", "{}")).contains("needs admin");
    String clientId = null;
    String cursor = null;
    do {
      JsonNode page =
          admin.ok(
              "mcp_clients_list",
              "{\"nameContains\":\"CLAUDE\""
                  + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"")
                  + "}");
      for (JsonNode client : page.get("clients")) {
        assertThat(client.get("clientName").asText()).containsIgnoringCase("claude");
        if (client.get("connectedAccounts").toString().contains(member.email)) {
          clientId = client.get("clientId").asText();
        }
      }
      cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
    } while (cursor != null);
    assertThat(clientId).as("the member's client is listed with the member").isNotNull();

    assertThat(admin.refused("mcp_client_disconnect", "{\"clientId\":\"mcp_nope\"}"))
        .contains("no client with id mcp_nope");
    assertThat(member.refused("mcp_client_disconnect", "{\"clientId\":\"" + clientId + "\"}"))
        .contains("needs admin");
    SseReader stream =
        new SseReader(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/api/mcp"))
                .header("Authorization", "Bearer " + member.token)
                .header("Mcp-Session-Id", member.session)
                .header("Accept", "text/event-stream")
                .GET()
                .build());
    assertThat(stream.response().statusCode()).isEqualTo(200);
    JsonNode done = admin.ok("mcp_client_disconnect", "{\"clientId\":\"" + clientId + "\"}");
    assertThat(done.get("disconnectedAccounts").asInt()).isEqualTo(1);
    assertThat(stream.endsWithin(java.time.Duration.ofSeconds(10)))
        .as("the member's open stream closes: its session ended")
        .isTrue();
    stream.close();
    assertThat(
            new Browser(base())
                .postJsonWithBearer(
                    "/api/mcp",
                    McpEndpointContract.call(1, "whoami", "{}"),
                    member.token,
                    member.session)
                .statusCode())
        .as("the member's token through that client is refused on its next call")
        .isEqualTo(401);
    assertThat(admin.ok("whoami", "{}").get("role").asText()).isEqualTo("admin");
    assertThat(audited("mcp_client_disconnect", "ok")).isEqualTo(1);
  }

  @Test
  void everyone_listsTheInstalledAgents_andReadsTheirDefinitions() throws Exception {
    ai.cinatra.adapters.persistence.agent.JdbiAgentRepository agents =
        new ai.cinatra.adapters.persistence.agent.JdbiAgentRepository(database());
    for (String file : List.of("research-notes.json", "approve-and-notify.json")) {
      java.util.Map<String, Object> document =
          JSON.readValue(
              java.nio.file.Path.of("..", "examples", "agents", file).toFile(),
              new com.fasterxml.jackson.core.type.TypeReference<>() {});
      agents.install(
          ai.cinatra.domain.agent.AgentDefinition.parse(document), java.time.Instant.now());
    }
    Client viewer = new Client(Role.VIEWER);
    JsonNode listed = viewer.ok("agent_list", "{}");
    List<String> ids = new ArrayList<>();
    listed.get("agents").forEach(a -> ids.add(a.get("agentId").asText()));
    assertThat(ids).contains("approve-and-notify", "research-notes");
    JsonNode source = viewer.ok("agent_source_read", "{\"agentId\":\"approve-and-notify\"}");
    assertThat(source.at("/steps/1/kind").asText()).isEqualTo("approval");
    assertThat(viewer.refused("agent_source_read", "{\"agentId\":\"no-such-agent\"}"))
        .isEqualTo("no agent with id no-such-agent");
    assertThat(viewer.refused("agent_list", "{\"cursor\":\"Not An Id\"}")).contains("cursor");
  }

  private void installAgent(java.util.Map<String, Object> document) {
    new ai.cinatra.adapters.persistence.agent.JdbiAgentRepository(database())
        .install(ai.cinatra.domain.agent.AgentDefinition.parse(document), java.time.Instant.now());
  }

  private JsonNode pollUntil(Client client, String runId, String... statuses) throws Exception {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode run = client.ok("agent_run_get", "{\"runId\":\"" + runId + "\"}");
      if (List.of(statuses).contains(run.get("status").asText())) {
        return run;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("run " + runId + " did not reach " + List.of(statuses));
  }

  @Test
  void aMember_runsAnAgentThatPausesForApproval_toTheEnd_andOnlyTheStarterAndAdminsSeeIt()
      throws Exception {
    String agentId = "ask-" + UUID.randomUUID().toString().substring(0, 8);
    installAgent(
        java.util.Map.of(
            "agentId",
            agentId,
            "name",
            "Ask then write",
            "inputSchema",
            java.util.Map.of(
                "type", "object",
                "properties", java.util.Map.of("topic", java.util.Map.of("type", "string")),
                "required", List.of("topic")),
            "steps",
            List.of(
                java.util.Map.of(
                    "id", "hello", "kind", "message", "text", "About {{inputs.topic}}"),
                java.util.Map.of(
                    "id",
                    "approve",
                    "kind",
                    "approval",
                    "screen",
                    java.util.Map.of("type", "object"),
                    "proposed",
                    java.util.Map.of("title", "{{inputs.topic}}")),
                java.util.Map.of(
                    "id",
                    "save",
                    "kind",
                    "objects_save",
                    "typeHint",
                    "memo",
                    "data",
                    java.util.Map.of(
                        "name", "{{steps.approve.title}}", "note", "{{steps.approve.note}}")))));
    Client member = new Client(Role.MEMBER);
    assertThat(member.refused("agent_run", "{\"agentId\":\"" + agentId + "\",\"inputs\":{}}"))
        .contains("inputSchema")
        .contains("topic");

    JsonNode started =
        member.ok(
            "agent_run",
            "{\"agentId\":\""
                + agentId
                + "\",\"inputs\":{\"topic\":\"tides\"},\"idempotencyKey\":\"once\"}");
    String runId = started.get("runId").asText();
    assertThat(started.get("runUrl").asText()).endsWith("/agents/status/" + runId);
    assertThat(
            member
                .ok(
                    "agent_run",
                    "{\"agentId\":\""
                        + agentId
                        + "\",\"inputs\":{\"topic\":\"tides\"},\"idempotencyKey\":\"once\"}")
                .get("runId")
                .asText())
        .isEqualTo(runId);

    JsonNode paused = pollUntil(member, runId, "pending_approval");
    assertThat(paused.at("/pendingApproval/proposed/title").asText()).isEqualTo("tides");
    assertThat(paused.get("pollAfterMs").asInt()).isEqualTo(5000);
    List<String> types = new ArrayList<>();
    paused.get("events").forEach(e -> types.add(e.get("type").asText()));
    assertThat(types)
        .startsWith("RUN_STARTED")
        .endsWith("INTERRUPT")
        .contains("TEXT_MESSAGE_CONTENT");

    Client other = new Client(Role.MEMBER);
    assertThat(other.refused("agent_run_get", "{\"runId\":\"" + runId + "\"}"))
        .isEqualTo("no run with id " + runId);
    assertThat(
            new Client(Role.ADMIN)
                .ok("agent_run_get", "{\"runId\":\"" + runId + "\"}")
                .get("status")
                .asText())
        .isEqualTo("pending_approval");

    member.ok("agent_run_resume", "{\"runId\":\"" + runId + "\",\"approvalNote\":\"go\"}");
    JsonNode done = pollUntil(member, runId, "completed", "failed");
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
    assertThat(member.refused("agent_run_resume", "{\"runId\":\"" + runId + "\"}"))
        .contains("is completed, not waiting for approval");
    JsonNode memos = member.ok("objects_list", "{\"type\":\"memo\",\"query\":\"tides\"}");
    assertThat(memos.at("/objects/0/data/note").asText()).isEqualTo("go");
    assertThat(member.ok("agent_run_list", "{}").get("runs").toString()).contains(runId);
    JsonNode messages = member.ok("agent_run_messages_list", "{\"runId\":\"" + runId + "\"}");
    assertThat(messages.at("/messages/0/text").asText()).isEqualTo("About tides");
    assertThat(messages.at("/outputs/approve/note").asText()).isEqualTo("go");
    assertThat(other.refused("agent_run_messages_list", "{\"runId\":\"" + runId + "\"}"))
        .isEqualTo("no run with id " + runId);

    // The same events as Server-Sent Events, replayed from Last-Event-ID, for the starter only.
    try (SseReader stream = runStream(member, runId, null)) {
      assertThat(stream.response().statusCode()).isEqualTo(200);
      List<String> streamed = new ArrayList<>();
      SseReader.Event event;
      while ((event = stream.next(java.time.Duration.ofSeconds(10))) != null) {
        streamed.add(JSON.readTree(event.data()).get("type").asText());
      }
      assertThat(streamed)
          .startsWith("RUN_STARTED")
          .endsWith("RUN_FINISHED")
          .contains("INTERRUPT", "RESUME");
    }
    try (SseReader resumed =
        runStream(member, runId, String.valueOf(paused.get("nextEventId").asLong()))) {
      assertThat(
              JSON.readTree(resumed.next(java.time.Duration.ofSeconds(10)).data())
                  .get("type")
                  .asText())
          .isEqualTo("RESUME");
    }
    assertThat(
            new Browser(base())
                .send(
                    "/api/agents/runs/" + runId + "/stream",
                    "GET",
                    null,
                    other.token,
                    null,
                    java.util.Map.of("Accept", "text/event-stream"))
                .statusCode())
        .isEqualTo(404);
    assertThat(other.ok("agent_run_list", "{}").get("runs").toString()).doesNotContain(runId);

    Client viewer = new Client(Role.VIEWER);
    assertThat(
            viewer.refused(
                "agent_run", "{\"agentId\":\"" + agentId + "\",\"inputs\":{\"topic\":\"x\"}}"))
        .contains("needs member");
  }

  @Test
  void aConnectorToANonPublicHostNotAllowed_isRefused_andNothingIsSent() throws Exception {
    List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
    try (LocalJsonServer receiver =
        new LocalJsonServer(
            "/hook",
            (key, body) -> {
              received.add(body);
              return "{}";
            })) {
      // Only 127.0.0.1 is allowed; localhost resolves to loopback too, but was not listed.
      saveWebhook("internal", receiver.url("/hook").replace("127.0.0.1", "localhost"));
      Client admin = new Client(Role.ADMIN);
      assertThat(admin.refused("internal_post", "{\"a\":1}"))
          .contains("which is not a public address", "connectors.allowedPrivateHosts");
      assertThat(received).isEmpty();
    }
  }

  @Test
  void theApprovalExample_postsItsWebhookOnce_afterApproval_toALocalReceiver() throws Exception {
    List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
    try (LocalJsonServer receiver =
        new LocalJsonServer(
            "/hook",
            (key, body) -> {
              received.add(key + " " + body);
              return "{\"received\":true}";
            })) {
      saveWebhook("webhook", receiver.url("/hook"));
      installAgent(
          JSON.readValue(
              java.nio.file.Path.of("..", "examples", "agents", "approve-and-notify.json").toFile(),
              new com.fasterxml.jackson.core.type.TypeReference<
                  java.util.Map<String, Object>>() {}));
      Client member = new Client(Role.MEMBER);
      String runId =
          member
              .ok(
                  "agent_run",
                  "{\"agentId\":\"approve-and-notify\",\"inputs\":{\"recipient\":\"Ada\",\"amount\":12}}")
              .get("runId")
              .asText();
      pollUntil(member, runId, "pending_approval");
      assertThat(received).isEmpty();
      // Only "approve" or "reject", and edited values must fit the screen; the run keeps waiting.
      assertThat(
              member.refused(
                  "agent_run_resume",
                  "{\"runId\":\"" + runId + "\",\"userResponse\":{\"decision\":\"maybe\"}}"))
          .contains("approve", "reject");
      assertThat(
              member.refused(
                  "agent_run_resume",
                  "{\"runId\":\""
                      + runId
                      + "\",\"userResponse\":{\"decision\":\"rejected\",\"amount\":\"abc\"}}"))
          .contains("approve", "reject");
      assertThat(
              member.refused(
                  "agent_run_resume",
                  "{\"runId\":\""
                      + runId
                      + "\",\"userResponse\":{\"decision\":\"approve\",\"amount\":\"abc\"}}"))
          .contains("does not fit the approval's screen", "amount");
      assertThat(member.ok("agent_run_get", "{\"runId\":\"" + runId + "\"}").get("status").asText())
          .isEqualTo("pending_approval");
      assertThat(received).isEmpty();

      member.ok(
          "agent_run_resume",
          "{\"runId\":\""
              + runId
              + "\",\"userResponse\":{\"decision\":\"approve\",\"amount\":10,\"note\":\"ok\"}}");
      JsonNode done = pollUntil(member, runId, "completed", "failed");
      assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
      assertThat(received).hasSize(1);
      assertThat(received.get(0))
          .startsWith(runId + ":notify ")
          .contains("\"recipient\":\"Ada\"", "\"amount\":10", "\"note\":\"ok\"");
      assertThat(done.at("/outputs/notify/body/received").asBoolean()).isTrue();
    }
  }

  @Test
  void aModelStep_asksTheConfiguredProvider_andLaterStepsUseItsAnswer() throws Exception {
    List<String> prompts = java.util.Collections.synchronizedList(new ArrayList<>());
    try (LocalJsonServer standIn =
        new LocalJsonServer(
            "/v1/chat/completions",
            (key, body) -> {
              try {
                JsonNode request = JSON.readTree(body);
                prompts.add(
                    request.get("model").asText()
                        + ": "
                        + request.at("/messages/0/content").asText());
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              return "{\"choices\":[{\"message\":{\"role\":\"assistant\","
                  + "\"content\":\"Tides follow the moon.\"}}]}";
            })) {
      new ai.cinatra.adapters.persistence.connector.JdbiModelProviderRepository(database())
          .save(
              new ai.cinatra.domain.connector.ModelProvider(
                  java.net.URI.create(standIn.url("/v1")),
                  "stand-in",
                  java.util.Optional.empty(),
                  java.time.Instant.now()));
      installAgent(
          java.util.Map.of(
              "agentId", "summarize",
              "name", "Summarize",
              "steps",
                  List.of(
                      java.util.Map.of(
                          "id", "think", "kind", "model", "prompt", "Summarize {{inputs.topic}}"),
                      java.util.Map.of(
                          "id",
                          "save",
                          "kind",
                          "objects_save",
                          "typeHint",
                          "summary",
                          "data",
                          java.util.Map.of(
                              "name", "{{inputs.topic}}", "text", "{{steps.think.text}}")))));
      Client member = new Client(Role.MEMBER);
      String runId =
          member
              .ok("agent_run", "{\"agentId\":\"summarize\",\"inputs\":{\"topic\":\"tides\"}}")
              .get("runId")
              .asText();
      JsonNode done = pollUntil(member, runId, "completed", "failed");
      assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
      assertThat(prompts).containsExactly("stand-in: Summarize tides");
      assertThat(
              member
                  .ok("objects_list", "{\"type\":\"summary\"}")
                  .at("/objects/0/data/text")
                  .asText())
          .isEqualTo("Tides follow the moon.");
    }
  }

  private SseReader runStream(Client client, String runId, String lastEventId) {
    java.net.http.HttpRequest.Builder request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base() + "/api/agents/runs/" + runId + "/stream"))
            .header("Authorization", "Bearer " + client.token)
            .header("Accept", "text/event-stream")
            .GET();
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return new SseReader(request.build());
  }
}
