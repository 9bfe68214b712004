package ai.cinatra.adapters.http.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.http.mcp.jsonrpc.JsonRpc;
import ai.cinatra.adapters.http.mcp.tool.McpTool;
import ai.cinatra.adapters.http.mcp.tool.McpToolCatalog;
import ai.cinatra.adapters.http.mcp.tool.ToolCall;
import ai.cinatra.adapters.http.mcp.tool.WhoamiTool;
import ai.cinatra.adapters.http.mcp.tool.run.FakeRuns;
import ai.cinatra.adapters.http.mcp.tool.run.RunTasks;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.port.in.mcp.McpSessionsUseCase;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.agent.AgentId;
import ai.cinatra.domain.mcp.LogLevel;
import ai.cinatra.domain.mcp.McpMessage;
import ai.cinatra.domain.mcp.McpSession;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.GrantId;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.RunId;
import ai.cinatra.domain.run.RunStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The MCP protocol without HTTP: each answer's status and JSON-RPC body, with in-memory sessions
 * and streams standing in for the use cases. The wire (headers, limits, tokens) is the servlet's
 * and McpEndpointH2IT's.
 */
class McpProtocolTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCEPT_BOTH = "application/json, text/event-stream";

  private final Actor alice = actor("alice@example.org");
  private final Actor bob = actor("bob@example.org");
  private final Sessions sessions = new Sessions();
  private final InMemoryStreams streams = new InMemoryStreams();
  private final FakeRuns runs = new FakeRuns();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final McpLimits limits = TestLimits.of(true, Duration.ofSeconds(5));
  private final McpProtocol protocol = protocol(limits);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private McpProtocol protocol(McpLimits limits) {
    McpToolCatalog tools =
        new McpToolCatalog(50)
            .register(new WhoamiTool())
            .register(new AskingTool())
            .register(runs.payoutTool());
    // Interactive calls run on the calling thread here, so a test sees their stream at once.
    StreamHub hub = new StreamHub(streams, limits, Runnable::run, scheduler, JSON);
    return new McpProtocol(
        JSON,
        "1.0-test",
        sessions,
        streams,
        tools,
        List.of(),
        limits,
        hub,
        new InMemoryRequestStates(),
        new RunTasks(runs, () -> "https://cinatra.example"));
  }

  private McpReply post(String sessionId, String body) {
    return protocol.post(bytes(body), null, sessionId, ACCEPT_BOTH, alice);
  }

  private String initialize(String version, String capabilities) {
    McpReply reply =
        post(
            null,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + version
                + "\",\"capabilities\":"
                + capabilities
                + ",\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
    assertThat(reply.status()).isEqualTo(200);
    return reply.headers().get(McpProtocol.SESSION_HEADER);
  }

  @Test
  void initialize_opensASession_atTheRequestedRevision_orTheNewest() {
    McpReply reply =
        post(
            null,
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{\"elicitation\":{},\"made-up\":{}}}}");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().at("/id").asInt()).isEqualTo(7);
    assertThat(reply.body().at("/result/protocolVersion").asText()).isEqualTo("2025-06-18");
    assertThat(reply.body().at("/result/capabilities/tools/listChanged").asBoolean()).isTrue();
    assertThat(reply.body().at("/result/serverInfo/version").asText()).isEqualTo("1.0-test");
    McpSession session = sessions.byId.get(reply.headers().get(McpProtocol.SESSION_HEADER));
    assertThat(session.clientCapabilities()).containsExactly("elicitation");

    String newest = initialize("1999-01-01", "{}");
    assertThat(sessions.byId.get(newest).protocolVersion())
        .isEqualTo(McpProtocol.PROTOCOL_VERSIONS.get(0));
  }

  @Test
  void aRequest_needsASessionOfItsOwnCaller_andNobodyLearnsWhoseAnotherIs() {
    String session = initialize("2025-11-25", "{}");
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";

    McpReply without = post(null, ping);
    assertThat(without.status()).isEqualTo(400);
    assertThat(without.body().at("/error/code").asInt()).isEqualTo(JsonRpc.INVALID_REQUEST);
    assertThat(without.body().at("/id").asInt()).isEqualTo(2);

    McpReply unknown = post("no-such-session", ping);
    McpReply bobs = protocol.post(bytes(ping), null, session, ACCEPT_BOTH, bob);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(bobs.status()).isEqualTo(404);
    assertThat(bobs.body().at("/error/code").asInt()).isEqualTo(JsonRpc.SESSION_NOT_FOUND);
    assertThat(bobs.body().at("/error/message").asText())
        .isEqualTo(unknown.body().at("/error/message").asText());

    assertThat(post(session, ping).body().get("result").isEmpty()).isTrue();
  }

  @Test
  void badMessages_getTheJsonRpcErrorForWhatIsWrong() {
    String session = initialize("2025-11-25", "{}");
    McpReply version =
        protocol.post(
            bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"),
            "2024-01-01",
            session,
            ACCEPT_BOTH,
            alice);
    assertThat(version.status()).isEqualTo(400);
    assertThat(version.body().at("/error/code").asInt())
        .isEqualTo(JsonRpc.UNSUPPORTED_PROTOCOL_VERSION);
    assertThat(version.body().at("/error/message").asText()).contains("2025-11-25");

    McpReply notJson = post(session, "{\"jsonrpc\":");
    assertThat(notJson.body().at("/error/code").asInt()).isEqualTo(JsonRpc.PARSE_ERROR);

    McpReply deep = post(session, "[".repeat(70) + "]".repeat(70));
    assertThat(deep.status()).isEqualTo(400);
    assertThat(deep.body().at("/error/message").asText()).contains("deeper than 64");

    McpReply noVersion = post(session, "{\"id\":3,\"method\":\"ping\"}");
    assertThat(noVersion.body().at("/error/code").asInt()).isEqualTo(JsonRpc.INVALID_REQUEST);
    assertThat(noVersion.body().at("/id").asInt()).isEqualTo(3);

    McpReply unknownMethod = post(session, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"nope\"}");
    assertThat(unknownMethod.status()).isEqualTo(200);
    assertThat(unknownMethod.body().at("/error/code").asInt()).isEqualTo(JsonRpc.METHOD_NOT_FOUND);

    McpReply badParams =
        post(session, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\",\"params\":[]}");
    assertThat(badParams.body().at("/error/code").asInt()).isEqualTo(JsonRpc.INVALID_PARAMS);

    McpReply badLevel =
        post(
            session,
            "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"loud\"}}");
    assertThat(badLevel.body().at("/error/code").asInt()).isEqualTo(JsonRpc.INVALID_PARAMS);
    assertThat(sessions.levels).isEmpty();
  }

  @Test
  void notificationsAndTheClientsAnswers_areTakenIn_with202() {
    String session = initialize("2025-11-25", "{}");
    McpReply notification =
        post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    assertThat(notification.status()).isEqualTo(202);
    assertThat(notification.body()).isNull();
    McpReply answer = post(session, "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":{}}");
    assertThat(answer.status()).isEqualTo(202);
  }

  @Test
  void toolsCall_answersWithJson_andSetLevel_isRemembered() {
    String session = initialize("2025-11-25", "{}");
    McpReply whoami =
        post(
            session,
            "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{\"name\":\"whoami\",\"arguments\":{}}}");
    assertThat(whoami.status()).isEqualTo(200);
    assertThat(whoami.stream()).isNull();
    assertThat(whoami.body().at("/result/structuredContent/email").asText())
        .isEqualTo("alice@example.org");

    McpReply level =
        post(
            session,
            "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"warning\"}}");
    assertThat(level.body().get("result").isEmpty()).isTrue();
    assertThat(sessions.levels).containsExactly(LogLevel.WARNING);
  }

  @Test
  void anInteractiveTool_answersOnAStream_whenTheClientTakesOne_andWithJsonOtherwise() {
    String session = initialize("2025-11-25", "{}");
    String call =
        "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"tools/call\",\"params\":{\"name\":\"asking\","
            + "\"_meta\":{\"progressToken\":\"p1\"}}}";
    McpReply streamed = post(session, call);
    assertThat(streamed.status()).isEqualTo(200);
    assertThat(streamed.body()).isNull();
    assertThat(streamed.stream()).isNotNull();
    // The answer is stored on the stream before it is written, so a reconnecting client gets it.
    assertThat(streams.published).hasSize(2);
    assertThat(streams.published.get(0).payload()).contains("notifications/progress");
    McpMessage last = streams.published.get(1);
    assertThat(last.last()).isTrue();
    assertThat(last.payload()).contains("\"id\":10").contains("asked");

    McpReply plain = protocol.post(bytes(call), null, session, "application/json", alice);
    assertThat(plain.stream()).isNull();
    assertThat(plain.body().at("/result/content/0/text").asText()).isEqualTo("asked");
  }

  @Test
  void batches_areAnsweredOnlyForTheRevisionThatHadThem() {
    String old = initialize("2025-03-26", "{}");
    String batch =
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"whoami\"}}]";
    McpReply answered = post(old, batch);
    assertThat(answered.status()).isEqualTo(200);
    assertThat(answered.body().isArray()).isTrue();
    assertThat(answered.body()).hasSize(2);
    assertThat(answered.body().get(1).at("/result/structuredContent/email").asText())
        .isEqualTo("alice@example.org");

    String current = initialize("2025-11-25", "{}");
    McpReply refused = post(current, batch);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().at("/error/message").asText())
        .contains("not supported in revision 2025-11-25");
    assertThat(post(old, "[]").status()).isEqualTo(400);
  }

  @Test
  void get_needsAnEventStreamAccept_andIs405WhenStreamsAreOff_andDeleteEndsTheSession() {
    String session = initialize("2025-11-25", "{}");
    McpReply json = protocol.stream(null, session, null, "application/json", alice);
    assertThat(json.status()).isEqualTo(406);
    McpReply badResume =
        protocol.stream(null, session, "not an event id", "text/event-stream", alice);
    assertThat(badResume.status()).isEqualTo(400);

    McpProtocol off = protocol(TestLimits.of(false, Duration.ofSeconds(5)));
    McpReply notAllowed = off.stream(null, session, null, "text/event-stream", alice);
    assertThat(notAllowed.status()).isEqualTo(405);
    assertThat(notAllowed.headers()).containsEntry("Allow", "POST, DELETE");

    assertThat(protocol.end("2025-11-25", session, bob).status()).isEqualTo(404);
    assertThat(protocol.end("2025-11-25", session, alice).status()).isEqualTo(204);
    assertThat(protocol.end("2025-11-25", session, alice).status()).isEqualTo(404);
    assertThat(post(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").status())
        .isEqualTo(404);
  }

  private static byte[] bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  private static Actor actor(String email) {
    return new Actor(
        AccountId.random(),
        new Email(email),
        Role.MEMBER,
        ClientId.random(),
        GrantId.random(),
        Set.of());
  }

  /** An interactive tool: reports progress on its stream, then answers. */
  private static final class AskingTool implements McpTool {
    @Override
    public ObjectNode descriptor() {
      ObjectNode descriptor = JsonNodeFactory.instance.objectNode();
      descriptor.put("name", "asking");
      descriptor.put("description", "Reports progress, then answers.");
      descriptor.putObject("inputSchema").put("type", "object");
      return descriptor;
    }

    @Override
    public Role requiredRole() {
      return Role.VIEWER;
    }

    @Override
    public boolean interactive() {
      return true;
    }

    @Override
    public ObjectNode call(ToolCall call) {
      call.context().progress(1, 1.0, "one");
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      result.putArray("content").addObject().put("type", "text").put("text", "asked");
      return result;
    }
  }

  /** Sessions in a map, bound to the account that opened them, as the service binds them. */
  private static final class Sessions implements McpSessionsUseCase {
    final Map<String, McpSession> byId = new HashMap<>();
    final List<LogLevel> levels = new ArrayList<>();

    @Override
    public String open(Actor actor, String protocolVersion, Set<String> clientCapabilities) {
      String id = "session-" + byId.size();
      Set<String> known = new java.util.HashSet<>(clientCapabilities);
      known.retainAll(McpSession.KNOWN_CAPABILITIES);
      Instant now = Instant.parse("2026-12-03T12:00:00Z");
      byId.put(
          id,
          new McpSession(
              "hash-" + id,
              actor.account(),
              actor.client(),
              protocolVersion,
              known,
              LogLevel.INFO,
              now,
              now,
              Optional.empty()));
      return id;
    }

    @Override
    public McpSession find(Actor actor, String sessionId) {
      McpSession session = byId.get(sessionId);
      if (session == null || !session.account().equals(actor.account())) {
        throw new NotFoundException("no open session with that id");
      }
      return session;
    }

    @Override
    public void end(Actor actor, String sessionId) {
      find(actor, sessionId);
      byId.remove(sessionId);
    }

    @Override
    public void setLogLevel(McpSession session, LogLevel level) {
      levels.add(level);
    }
  }

  private JsonNode call(String session, int id, String method, String params) {
    McpReply reply =
        post(
            session,
            "{\"jsonrpc\":\"2.0\",\"id\":"
                + id
                + ",\"method\":\""
                + method
                + "\",\"params\":"
                + params
                + "}");
    assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(200);
    return reply.body();
  }

  @Test
  void tasks_come_with2025_11_25_only() {
    String newest = initialize("2025-11-25", "{}");
    String older = initialize("2025-06-18", "{}");
    JsonNode declared =
        post(
                null,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                    + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{}}}")
            .body();
    assertThat(declared.at("/result/capabilities/tasks/requests/tools/call").isObject()).isTrue();
    assertThat(declared.at("/result/capabilities/tasks/cancel").isObject()).isTrue();

    String asTask = "{\"name\":\"cinatra_payout\",\"arguments\":{},\"task\":{\"ttl\":60000}}";
    JsonNode plain = call(older, 2, "tools/call", asTask);
    assertThat(plain.at("/result/structuredContent/status").asText())
        .as("2025-06-18 has no tasks: the task param is ignored, the call answered plainly")
        .isEqualTo("queued");
    assertThat(call(older, 3, "tasks/get", "{\"taskId\":\"x\"}").at("/error/code").asInt())
        .isEqualTo(JsonRpc.METHOD_NOT_FOUND);
    assertThat(call(newest, 4, "tools/call", asTask).at("/result/task/status").asText())
        .isEqualTo("working");
  }

  @Test
  void aRunStartedAsATask_isPolled_cancelled_andItsResultTiedToIt() {
    String session = initialize("2025-11-25", "{}");
    JsonNode created =
        call(
            session, 2, "tools/call", "{\"name\":\"cinatra_payout\",\"arguments\":{},\"task\":{}}");
    JsonNode task = created.at("/result/task");
    String taskId = task.get("taskId").asText();
    assertThat(task.get("status").asText()).isEqualTo("working");
    assertThat(task.get("createdAt").asText()).isEqualTo(FakeRuns.T0.toString());
    assertThat(task.get("ttl").isNull()).as("a run is kept: unlimited").isTrue();
    assertThat(task.get("pollInterval").asInt()).isEqualTo(2000);
    assertThat(runs.run(RunId.parse(taskId)).agent().value()).isEqualTo("payout");

    String byId = "{\"taskId\":\"" + taskId + "\"}";
    assertThat(call(session, 3, "tasks/get", byId).at("/result/status").asText())
        .isEqualTo("working");
    assertThat(call(session, 4, "tasks/list", "{}").at("/result/tasks/0/taskId").asText())
        .isEqualTo(taskId);
    JsonNode cancelled = call(session, 5, "tasks/cancel", byId);
    assertThat(cancelled.at("/result/status").asText()).isEqualTo("cancelled");
    assertThat(runs.run(RunId.parse(taskId)).status()).isEqualTo(RunStatus.STOPPED);
    assertThat(call(session, 6, "tasks/cancel", byId).at("/error/code").asInt())
        .as("an ended task is not cancelled twice")
        .isEqualTo(JsonRpc.INVALID_PARAMS);

    JsonNode result = call(session, 7, "tasks/result", byId).get("result");
    assertThat(result.get("isError").asBoolean()).isTrue();
    assertThat(result.at("/structuredContent/status").asText()).isEqualTo("stopped");
    assertThat(result.at("/_meta/io.modelcontextprotocol~1related-task/taskId").asText())
        .isEqualTo(taskId);
  }

  @Test
  void tasks_refuseWhatTheyCannotDo_withoutTellingWhoseTaskItIs() {
    String session = initialize("2025-11-25", "{}");
    assertThat(
            call(session, 2, "tools/call", "{\"name\":\"whoami\",\"arguments\":{},\"task\":{}}")
                .at("/error/code")
                .asInt())
        .as("a tool that does not run as a task")
        .isEqualTo(JsonRpc.METHOD_NOT_FOUND);
    String bobsRun =
        runs.put(
                AgentRun.queue(
                    RunId.random(),
                    new AgentId("payout"),
                    bob.account(),
                    Map.of(),
                    Optional.empty(),
                    FakeRuns.T0))
            .id()
            .toString();
    JsonNode someoneElses = call(session, 3, "tasks/get", "{\"taskId\":\"" + bobsRun + "\"}");
    JsonNode none = call(session, 4, "tasks/get", "{\"taskId\":\"" + RunId.random() + "\"}");
    JsonNode malformed = call(session, 5, "tasks/get", "{\"taskId\":\"../x\"}");
    assertThat(someoneElses.get("error")).isEqualTo(none.get("error"));
    assertThat(malformed.get("error")).isEqualTo(none.get("error"));
    assertThat(none.at("/error/code").asInt()).isEqualTo(JsonRpc.INVALID_PARAMS);

    String running =
        runs.put(
                AgentRun.queue(
                        RunId.random(),
                        new AgentId("payout"),
                        alice.account(),
                        Map.of(),
                        Optional.empty(),
                        FakeRuns.T0)
                    .start(FakeRuns.T0))
            .id()
            .toString();
    McpReply waits =
        protocol.post(
            bytes(
                "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tasks/result\",\"params\":"
                    + "{\"taskId\":\""
                    + running
                    + "\"}}"),
            null,
            session,
            "application/json",
            alice);
    assertThat(waits.body().at("/error/code").asInt())
        .as("a client that takes no stream cannot wait for a running task")
        .isEqualTo(JsonRpc.INVALID_REQUEST);
  }
}
