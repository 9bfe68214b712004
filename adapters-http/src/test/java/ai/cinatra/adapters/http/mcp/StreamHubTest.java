package ai.cinatra.adapters.http.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.adapters.http.mcp.tool.ClientRequestFailedException;
import ai.cinatra.application.port.in.mcp.McpStreamsUseCase;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.mcp.LogLevel;
import ai.cinatra.domain.mcp.McpMessage;
import ai.cinatra.domain.mcp.McpSession;
import ai.cinatra.domain.oauth.ClientId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The node's live side of MCP streams against an in-memory store standing in for the shared
 * database: a tool's question answered on this node or another, streams replayed and closed, and
 * the bound on a session's streams. Waits are for an event, bounded; none is a fixed sleep.
 */
class StreamHubTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final InMemoryStreams streams = new InMemoryStreams();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final McpSession session = session("one");

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private StreamHub hub(Duration clientRequestTimeout) {
    return new StreamHub(
        streams, TestLimits.of(true, clientRequestTimeout), Runnable::run, scheduler, JSON);
  }

  private static McpSession session(String name) {
    Instant now = Instant.parse("2026-12-03T12:00:00Z");
    return new McpSession(
        "hash-" + name,
        AccountId.random(),
        ClientId.random(),
        "2025-11-25",
        Set.of("elicitation"),
        LogLevel.INFO,
        now,
        now,
        Optional.empty());
  }

  /** Asks on a POST stream from another thread; returns the answer to come and the request id. */
  private CompletableFuture<JsonNode> ask(StreamHub hub, LiveStream live) {
    return CompletableFuture.supplyAsync(
        () ->
            hub.ask(live, "elicitation/create", JsonNodeFactory.instance.objectNode().put("m", 1)));
  }

  private String questionOn(LiveStream live) throws Exception {
    await(() -> streams.published.stream().anyMatch(m -> m.stream().equals(live.key())));
    McpMessage request =
        streams.published.stream().filter(m -> m.stream().equals(live.key())).findFirst().get();
    JsonNode json = JSON.readTree(request.payload());
    assertThat(json.get("method").asText()).isEqualTo("elicitation/create");
    return json.get("id").asText();
  }

  private static JsonNode response(String id, String body) throws Exception {
    return JSON.readTree("{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\"," + body + "}");
  }

  @Test
  void aQuestion_answeredOnThisNode_isHandedToTheWaitingTool() throws Exception {
    StreamHub hub = hub(Duration.ofMinutes(1));
    LiveStream live = hub.newPostStream(session);
    CompletableFuture<JsonNode> answer = ask(hub, live);
    String id = questionOn(live);
    assertThat(id).matches("srv-[0-9a-f-]{36}");

    assertThat(hub.answer(session, response(id, "\"result\":{\"action\":\"accept\"}"))).isTrue();
    assertThat(answer.get(WAIT.toSeconds(), TimeUnit.SECONDS).get("action").asText())
        .isEqualTo("accept");
  }

  @Test
  void aQuestion_answeredOnAnotherNode_isFoundInTheStore() throws Exception {
    StreamHub hub = hub(Duration.ofMinutes(1));
    LiveStream live = hub.newPostStream(session);
    CompletableFuture<JsonNode> answer = ask(hub, live);
    String id = questionOn(live);

    // Another node's hub has no waiter for it, so it stores the answer for this one to find.
    StreamHub otherNode = hub(Duration.ofMinutes(1));
    assertThat(otherNode.answer(session, response(id, "\"result\":{\"action\":\"decline\"}")))
        .isTrue();
    assertThat(answer.get(WAIT.toSeconds(), TimeUnit.SECONDS).get("action").asText())
        .isEqualTo("decline");
  }

  @Test
  void anErrorAnswer_orNone_failsTheQuestion_andForeignIdsAreNotOurs() throws Exception {
    StreamHub hub = hub(Duration.ofMinutes(1));
    LiveStream live = hub.newPostStream(session);
    CompletableFuture<JsonNode> answer = ask(hub, live);
    hub.answer(session, response(questionOn(live), "\"error\":{\"code\":-1,\"message\":\"no\"}"));
    assertThat(answer)
        .failsWithin(WAIT)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(ClientRequestFailedException.class)
        .withMessageContaining("the client answered with an error: no");

    StreamHub impatient = hub(Duration.ofMillis(100));
    assertThatThrownBy(
            () ->
                impatient.ask(
                    impatient.newPostStream(session),
                    "sampling/createMessage",
                    JsonNodeFactory.instance.objectNode()))
        .isInstanceOf(ClientRequestFailedException.class)
        .hasMessageContaining("did not answer sampling/createMessage");

    assertThat(hub.answer(session, response("42", "\"result\":{}"))).isFalse();
    assertThat(hub.answer(session, response("srv-not-a-uuid", "\"result\":{}"))).isFalse();
  }

  @Test
  void aFollowedStream_replaysWhatItMissed_andEndsAfterItsLastMessage() throws Exception {
    StreamHub hub = hub(Duration.ofMinutes(1));
    McpMessage first = streams.publish(session, "p1", "{\"n\":1}", false);
    LiveStream live = hub.follow(session, "p1", first.id());
    streams.publish(session, "p1", "{\"n\":2}", true);
    await(() -> !live.isOpen());
  }

  @Test
  void aSession_keepsAtMostFourStreamsPerNode_andItsEndClosesThem() throws Exception {
    StreamHub hub = hub(Duration.ofMinutes(1));
    List<LiveStream> opened =
        List.of(
            hub.follow(session, McpStreamsUseCase.STANDALONE, 0),
            hub.follow(session, McpStreamsUseCase.STANDALONE, 0),
            hub.follow(session, McpStreamsUseCase.STANDALONE, 0),
            hub.follow(session, McpStreamsUseCase.STANDALONE, 0),
            hub.follow(session, McpStreamsUseCase.STANDALONE, 0));
    assertThat(opened.get(0).isOpen()).as("the oldest gives way").isFalse();
    assertThat(opened.subList(1, 5)).allMatch(LiveStream::isOpen);

    McpSession other = session("two");
    LiveStream others = hub.follow(other, McpStreamsUseCase.STANDALONE, 0);
    hub.closeSession(session.idHash());
    assertThat(opened).noneMatch(LiveStream::isOpen);
    assertThat(others.isOpen()).isTrue();

    // Ended on another node: the stream finds out at its next session check and closes.
    streams.ended.add(other.idHash());
    await(() -> !others.isOpen());
  }

  /** Polls a condition that a hub thread makes true, failing after {@link #WAIT}. */
  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited %s", WAIT).isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
