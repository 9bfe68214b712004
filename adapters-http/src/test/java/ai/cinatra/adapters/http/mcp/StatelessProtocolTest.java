package ai.cinatra.adapters.http.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.http.mcp.jsonrpc.JsonRpc;
import ai.cinatra.adapters.http.mcp.tool.McpTool;
import ai.cinatra.adapters.http.mcp.tool.McpToolCatalog;
import ai.cinatra.adapters.http.mcp.tool.ToolCall;
import ai.cinatra.adapters.http.mcp.tool.WhoamiTool;
import ai.cinatra.adapters.http.mcp.tool.run.FakeRuns;
import ai.cinatra.adapters.http.mcp.tool.run.RunTasks;
import ai.cinatra.application.port.in.mcp.McpSessionsUseCase;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.agent.AgentId;
import ai.cinatra.domain.mcp.LogLevel;
import ai.cinatra.domain.mcp.McpSession;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.GrantId;
import ai.cinatra.domain.run.PendingApproval;
import ai.cinatra.domain.run.RunId;
import ai.cinatra.domain.run.RunStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MCP 2026-07-28 on the shared endpoint, without HTTP: each refusal the revision prescribes (status
 * and JSON-RPC code, with the request id), discovery, and the same tools as the session-based
 * revisions, which never open a session here.
 */
class StatelessProtocolTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String V = StatelessProtocol.REVISION;
  private static final String META =
      "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"%s\","
          + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

  private final FakeRuns runs = new FakeRuns();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final Actor alice =
      new Actor(
          AccountId.random(),
          new Email("alice@example.org"),
          Role.MEMBER,
          new ClientId("mcp_c"),
          GrantId.random(),
          Set.of());
  private final McpProtocol protocol = protocol();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private McpProtocol protocol() {
    McpLimits limits = TestLimits.of(true, Duration.ofSeconds(5));
    InMemoryStreams streams = new InMemoryStreams();
    StreamHub hub = new StreamHub(streams, limits, Runnable::run, scheduler, JSON);
    return new McpProtocol(
        JSON,
        "1.0-test",
        new NoSessions(),
        streams,
        new McpToolCatalog(50)
            .register(new WhoamiTool())
            .register(new GreetingTool())
            .register(runs.payoutTool()),
        List.of(),
        limits,
        hub,
        new InMemoryRequestStates(),
        new RunTasks(runs, () -> "https://cinatra.example"));
  }

  private McpReply send(
      String headerVersion, String method, String name, String sessionId, String body) {
    return protocol.post(
        body.getBytes(StandardCharsets.UTF_8),
        new McpHeaders(
            headerVersion, sessionId, "application/json, text/event-stream", method, name),
        alice);
  }

  private static String request(int id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\""
        + method
        + "\",\"params\":{"
        + params
        + "}}";
  }

  private static void assertError(McpReply reply, int status, int code, int id) {
    assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(status);
    assertThat(reply.body().at("/error/code").asInt()).isEqualTo(code);
    assertThat(reply.body().get("id").asInt()).as("the request's id").isEqualTo(id);
  }

  @Test
  void discover_namesEveryRevisionSpoken_andWhoAnswers_withoutASession() {
    McpReply reply =
        send(V, "server/discover", null, null, request(1, "server/discover", META.formatted(V)));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.headers()).doesNotContainKey(McpProtocol.SESSION_HEADER);
    JsonNode result = reply.body().get("result");
    assertThat(result.get("supportedVersions").toString())
        .isEqualTo("[\"2026-07-28\",\"2025-11-25\",\"2025-06-18\",\"2025-03-26\"]");
    assertThat(result.has("capabilities")).isTrue();
    assertThat(result.at("/capabilities/tools").isObject()).isTrue();
    assertThat(result.get("resultType").asText()).isEqualTo("complete");
    assertThat(result.at("/_meta/io.modelcontextprotocol~1serverInfo/version").asText())
        .isEqualTo("1.0-test");
  }

  @Test
  void theSameTools_asTheSessionBasedRevisions_withCachingHints() {
    JsonNode listed =
        send(V, "tools/list", null, null, request(2, "tools/list", META.formatted(V))).body();
    assertThat(listed.at("/result/tools/0/name").asText()).isEqualTo("whoami");
    assertThat(listed.at("/result/ttlMs").asLong()).isEqualTo(StatelessProtocol.LIST_TTL_MS);
    assertThat(listed.at("/result/cacheScope").asText()).isEqualTo("private");

    McpReply called =
        send(
            V,
            "tools/call",
            "whoami",
            null,
            request(3, "tools/call", "\"name\":\"whoami\"," + META.formatted(V)));
    assertThat(called.status()).isEqualTo(200);
    assertThat(called.body().at("/result/structuredContent/email").asText())
        .isEqualTo("alice@example.org");
    assertThat(called.body().at("/result/resultType").asText()).isEqualTo("complete");
    assertThat(called.body().at("/result/isError").asBoolean()).isFalse();
    // A name outside the header-safe characters travels base64-encoded; decoded, it must agree.
    String encoded = "=?base64?" + Base64.getEncoder().encodeToString("whoami".getBytes()) + "?=";
    assertThat(
            send(
                    V,
                    "tools/call",
                    encoded,
                    null,
                    request(4, "tools/call", "\"name\":\"whoami\"," + META.formatted(V)))
                .status())
        .isEqualTo(200);
  }

  @Test
  void missingOrIncompleteMeta_isInvalidParams_400() {
    assertError(
        send(V, "server/discover", null, null, request(5, "server/discover", "")),
        400,
        JsonRpc.INVALID_PARAMS,
        5);
    assertError(
        send(
            V,
            "server/discover",
            null,
            null,
            request(
                6,
                "server/discover",
                "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + V + "\"}")),
        400,
        JsonRpc.INVALID_PARAMS,
        6);
  }

  @Test
  void anUnsupportedVersion_listsWhatIsSupported_andEchoesTheRequest() {
    McpReply reply =
        send(
            "v999.0.0",
            "server/discover",
            null,
            null,
            request(7, "server/discover", META.formatted("v999.0.0")));
    assertError(reply, 400, JsonRpc.UNSUPPORTED_PROTOCOL_VERSION, 7);
    assertThat(reply.body().at("/error/data/supported/0").asText()).isEqualTo(V);
    assertThat(reply.body().at("/error/data/requested").asText()).isEqualTo("v999.0.0");
  }

  @Test
  void headersThatDisagreeWithTheBody_areAHeaderMismatch() {
    assertError(
        send(
            V,
            "server/discover",
            null,
            null,
            request(8, "server/discover", META.formatted("v999.0.0"))),
        400,
        JsonRpc.HEADER_MISMATCH,
        8);
    assertError(
        send(V, "tools/list", null, null, request(9, "server/discover", META.formatted(V))),
        400,
        JsonRpc.HEADER_MISMATCH,
        9);
    assertError(
        send(V, null, null, null, request(10, "server/discover", META.formatted(V))),
        400,
        JsonRpc.HEADER_MISMATCH,
        10);
    assertError(
        send(
            V,
            "tools/call",
            "other",
            null,
            request(11, "tools/call", "\"name\":\"whoami\"," + META.formatted(V))),
        400,
        JsonRpc.HEADER_MISMATCH,
        11);
    assertError(
        send(
            V,
            "tools/call",
            null,
            null,
            request(12, "tools/call", "\"name\":\"whoami\"," + META.formatted(V))),
        400,
        JsonRpc.HEADER_MISMATCH,
        12);
  }

  @Test
  void removedAndUnknownMethods_are404MethodNotFound() {
    for (String removed :
        List.of("initialize", "ping", "logging/setLevel", "resources/subscribe", "no/such")) {
      assertError(
          send(V, removed, null, null, request(13, removed, META.formatted(V))),
          404,
          JsonRpc.METHOD_NOT_FOUND,
          13);
    }
  }

  @Test
  void mixingRevisions_isRefused_neverAnsweredUnderTheWrongRules() {
    // A session belongs to 2025-11-25 and earlier: a stateless request carrying one is refused.
    assertError(
        send(V, "tools/list", null, "a-session-id", request(14, "tools/list", META.formatted(V))),
        400,
        JsonRpc.INVALID_REQUEST,
        14);
    assertThat(protocol.stream(V, "a-session-id", null, "text/event-stream", alice).status())
        .as("no standalone GET stream in 2026-07-28")
        .isEqualTo(405);
    assertThat(protocol.end(V, "a-session-id", alice).status()).isEqualTo(405);
    McpReply batch =
        send(V, "tools/list", null, null, "[" + request(15, "tools/list", META.formatted(V)) + "]");
    assertThat(batch.status()).isEqualTo(400);
    assertThat(batch.body().at("/error/code").asInt()).isEqualTo(JsonRpc.INVALID_REQUEST);
  }

  @Test
  void aNotification_isAccepted_withNothingToAnswer() {
    McpReply reply =
        send(
            V,
            "notifications/cancelled",
            null,
            null,
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{}}");
    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.body()).isNull();
  }

  private static final String ELICITS =
      "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\""
          + V
          + "\","
          + "\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{}}}";

  private JsonNode greet(int id, String extra) {
    McpReply reply =
        send(
            V,
            "tools/call",
            "greeting",
            null,
            request(id, "tools/call", "\"name\":\"greeting\"," + extra + ELICITS));
    assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(200);
    return reply.body();
  }

  @Test
  void aToolThatAsks_endsWithInputRequired_andTheRetryWithTheAnswerCompletes() {
    JsonNode first = greet(20, "").get("result");
    assertThat(first.get("resultType").asText()).isEqualTo("input_required");
    assertThat(first.at("/inputRequests/name/method").asText()).isEqualTo("elicitation/create");
    String state = first.get("requestState").asText();

    JsonNode second =
        greet(
                21,
                "\"requestState\":\""
                    + state
                    + "\",\"inputResponses\":{\"name\":"
                    + "{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}},")
            .get("result");
    assertThat(second.get("resultType").asText()).as(second.toString()).isEqualTo("input_required");
    assertThat(second.at("/inputRequests/color/method").asText()).isEqualTo("elicitation/create");
    assertThat(second.has("inputRequests")).isTrue();

    // The third round carries only the new answer: the first comes back in the sealed state.
    JsonNode third =
        greet(
                22,
                "\"requestState\":\""
                    + second.get("requestState").asText()
                    + "\","
                    + "\"inputResponses\":{\"color\":{\"action\":\"accept\","
                    + "\"content\":{\"color\":\"teal\"}}},")
            .get("result");
    assertThat(third.get("resultType").asText()).isEqualTo("complete");
    assertThat(third.at("/content/0/text").asText())
        .isEqualTo("Hello Ada, who likes teal (resumed)");
  }

  @Test
  void alteredState_badAnswers_orAnUndeclaredCapability_areRefused() {
    McpReply tampered =
        send(
            V,
            "tools/call",
            "greeting",
            null,
            request(
                23, "tools/call", "\"name\":\"greeting\",\"requestState\":\"forged\"," + ELICITS));
    assertError(tampered, 200, JsonRpc.INVALID_PARAMS, 23);
    assertThat(tampered.body().at("/error/message").asText())
        .contains("requestState failed verification");

    McpReply notAnObject =
        send(
            V,
            "tools/call",
            "greeting",
            null,
            request(24, "tools/call", "\"name\":\"greeting\",\"inputResponses\":[1]," + ELICITS));
    assertError(notAnObject, 200, JsonRpc.INVALID_PARAMS, 24);

    McpReply undeclared =
        send(
            V,
            "tools/call",
            "greeting",
            null,
            request(25, "tools/call", "\"name\":\"greeting\"," + META.formatted(V)));
    assertError(undeclared, 400, JsonRpc.MISSING_CLIENT_CAPABILITY, 25);
    assertThat(undeclared.body().at("/error/data/requiredCapabilities/elicitation").isObject())
        .isTrue();

    // Only tools/call, prompts/get and resources/read may end with input_required.
    JsonNode listed = send(V, "tools/list", null, null, request(26, "tools/list", ELICITS)).body();
    assertThat(listed.at("/result/resultType").asText()).isEqualTo("complete");
  }

  /** Asks the person's name, then their colour, each through elicitation. */
  private static final class GreetingTool implements McpTool {
    @Override
    public ObjectNode descriptor() {
      ObjectNode descriptor = JsonNodeFactory.instance.objectNode();
      descriptor.put("name", "greeting");
      descriptor.put("description", "Greets after asking two questions.");
      descriptor.putObject("inputSchema").put("type", "object");
      return descriptor;
    }

    @Override
    public Role requiredRole() {
      return Role.VIEWER;
    }

    @Override
    public ObjectNode call(ToolCall call) {
      String name = answer(call, "name", "What is your name?");
      String color = answer(call, "color", "Your favourite colour?");
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      result
          .putArray("content")
          .addObject()
          .put("type", "text")
          .put(
              "text",
              "Hello "
                  + name
                  + ", who likes "
                  + color
                  + (call.context().resumed() ? " (resumed)" : ""));
      return result;
    }

    private static String answer(ToolCall call, String field, String message) {
      ObjectNode request =
          JsonNodeFactory.instance.objectNode().put("method", "elicitation/create");
      request.putObject("params").put("message", message);
      JsonNode answer = call.context().askAll(Map.of(field, request)).get(field);
      return answer.at("/content/" + field).asText();
    }
  }

  /** The stateless revision never opens, finds or ends a session: any use fails the test. */
  private static final class NoSessions implements McpSessionsUseCase {
    @Override
    public String open(Actor actor, String protocolVersion, Set<String> clientCapabilities) {
      throw new AssertionError("a stateless request opened a session");
    }

    @Override
    public McpSession find(Actor actor, String sessionId) {
      throw new AssertionError("a stateless request looked up a session");
    }

    @Override
    public void end(Actor actor, String sessionId) {
      throw new AssertionError("a stateless request ended a session");
    }

    @Override
    public void setLogLevel(McpSession session, LogLevel level) {
      throw new AssertionError("a stateless request set a session's log level");
    }
  }

  private static final String WITH_TASKS =
      "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\""
          + V
          + "\",\"io.modelcontextprotocol/clientCapabilities\":"
          + "{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}}";

  @Test
  void theTasksExtension_aRunIsATask_forAClientThatDeclaresIt() {
    assertThat(
            send(V, "server/discover", null, null, request(1, "server/discover", META.formatted(V)))
                .body()
                .at("/result/capabilities/extensions/io.modelcontextprotocol~1tasks")
                .isObject())
        .isTrue();
    String call = "\"name\":\"cinatra_payout\",\"arguments\":{},";
    JsonNode plain =
        send(
                V,
                "tools/call",
                "cinatra_payout",
                null,
                request(2, "tools/call", call + META.formatted(V)))
            .body();
    assertThat(plain.at("/result/resultType").asText())
        .as("without the extension, no task: the tool's own result")
        .isEqualTo("complete");

    JsonNode created =
        send(V, "tools/call", "cinatra_payout", null, request(3, "tools/call", call + WITH_TASKS))
            .body()
            .get("result");
    assertThat(created.get("resultType").asText()).isEqualTo("task");
    assertThat(created.get("status").asText()).isEqualTo("working");
    assertThat(created.get("ttlMs").isNull()).isTrue();
    String taskId = created.get("taskId").asText();
    String byId = "\"taskId\":\"" + taskId + "\",";

    RunId id = RunId.parse(taskId);
    runs.put(
        runs.run(id)
            .start(FakeRuns.T0)
            .pause(
                new PendingApproval(
                    "approve",
                    Map.of(
                        "type", "object", "properties", Map.of("amount", Map.of("type", "number"))),
                    Map.of("amount", 12))));
    JsonNode waiting =
        send(V, "tasks/get", taskId, null, request(4, "tasks/get", byId + WITH_TASKS))
            .body()
            .get("result");
    assertThat(waiting.get("status").asText()).isEqualTo("input_required");
    assertThat(waiting.get("resultType").asText()).isEqualTo("complete");
    String key = waiting.get("inputRequests").fieldNames().next();
    JsonNode question = waiting.at("/inputRequests/" + key.replace("/", "~1"));
    assertThat(question.get("method").asText()).isEqualTo("elicitation/create");
    assertThat(question.at("/params/requestedSchema/properties/amount/default").asInt())
        .isEqualTo(12);

    String answer =
        byId
            + "\"inputResponses\":{\""
            + key
            + "\":{\"action\":\"accept\",\"content\":{\"amount\":7}},"
            + "\"never-asked\":{\"action\":\"decline\"}},";
    JsonNode updated =
        send(V, "tasks/update", taskId, null, request(5, "tasks/update", answer + WITH_TASKS))
            .body();
    assertThat(updated.at("/result/resultType").asText()).isEqualTo("complete");
    assertThat(runs.answers)
        .as("the open question's answer resumed the run; the unknown key was ignored")
        .containsExactly(Map.of("amount", 7, "decision", "approve"));
    assertThat(runs.run(id).status()).isEqualTo(RunStatus.RUNNING);

    runs.put(runs.run(id).stepDone("approve", Map.of()).complete(FakeRuns.T0));
    JsonNode done =
        send(V, "tasks/get", taskId, null, request(6, "tasks/get", byId + WITH_TASKS))
            .body()
            .get("result");
    assertThat(done.get("status").asText()).isEqualTo("completed");
    assertThat(done.at("/result/structuredContent/status").asText()).isEqualTo("completed");
    assertThat(
            send(V, "tasks/cancel", taskId, null, request(7, "tasks/cancel", byId + WITH_TASKS))
                .body()
                .at("/result/resultType")
                .asText())
        .as("2026-07-28 acknowledges a cancel; the ended task keeps its status")
        .isEqualTo("complete");
  }

  @Test
  void theTasksMethods_needTheExtension_andTheTaskNamedInMcpName() {
    String taskId =
        runs.start(alice, new AgentId("payout"), Map.of(), Optional.empty()).id().toString();
    String byId = "\"taskId\":\"" + taskId + "\",";
    McpReply undeclared =
        send(V, "tasks/get", taskId, null, request(1, "tasks/get", byId + META.formatted(V)));
    assertError(undeclared, 400, JsonRpc.MISSING_CLIENT_CAPABILITY, 1);
    assertThat(
            undeclared
                .body()
                .at("/error/data/requiredCapabilities/extensions/io.modelcontextprotocol~1tasks")
                .isObject())
        .isTrue();
    assertError(
        send(V, "tasks/get", "another-task", null, request(2, "tasks/get", byId + WITH_TASKS)),
        400,
        JsonRpc.HEADER_MISMATCH,
        2);
    assertError(
        send(
            V,
            "tasks/get",
            null,
            null,
            request(3, "tasks/get", "\"taskId\":\"" + RunId.random() + "\"," + WITH_TASKS)),
        200,
        JsonRpc.INVALID_PARAMS,
        3);
    assertError(
        send(V, "tasks/result", taskId, null, request(4, "tasks/result", byId + WITH_TASKS)),
        404,
        JsonRpc.METHOD_NOT_FOUND,
        4);
  }
}
