package ai.cinatra.adapters.http.mcp;

import ai.cinatra.adapters.http.mcp.jsonrpc.JsonRpc;
import ai.cinatra.adapters.http.mcp.tool.ClientRequestFailedException;
import ai.cinatra.adapters.http.sse.SsePump;
import ai.cinatra.application.port.in.mcp.McpStreamsUseCase;
import ai.cinatra.domain.mcp.McpMessage;
import ai.cinatra.domain.mcp.McpSession;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The node's live side of MCP streams: runs interactive tool calls off the request thread, pumps
 * stored messages into open GET streams (so messages written on other nodes arrive too), matches
 * the client's answers to the requests tools made, and closes every stream when the server stops.
 */
public final class StreamHub {
  /** Ids of requests this server sends the client; anything else in a response is ignored. */
  private static final Pattern REQUEST_ID = Pattern.compile("srv-[0-9a-f-]{36}");

  private static final Duration HEARTBEAT = Duration.ofSeconds(15);

  /** How often an open GET stream checks that its session was not ended elsewhere. */
  private static final Duration SESSION_CHECK = Duration.ofSeconds(2);

  /** Open GET streams one session may hold on one node; a client needs one, reconnects included. */
  static final int MAX_STREAMS_PER_SESSION = 4;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final McpStreamsUseCase streams;
  private final McpLimits limits;
  private final Executor toolExecutor;
  private final ScheduledExecutorService scheduler;
  private final ObjectMapper json;
  private final Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
  private final Set<LiveStream> open = ConcurrentHashMap.newKeySet();

  public StreamHub(
      McpStreamsUseCase streams,
      McpLimits limits,
      Executor toolExecutor,
      ScheduledExecutorService scheduler,
      ObjectMapper json) {
    this.streams = streams;
    this.limits = limits;
    this.toolExecutor = toolExecutor;
    this.scheduler = scheduler;
    this.json = json;
  }

  /** A new stream for the answer to one POST. */
  LiveStream newPostStream(McpSession session) {
    LiveStream live = new LiveStream(streams, session, "p" + randomKey());
    open.add(live);
    return live;
  }

  /** Runs an interactive call; the stream is closed when it ends, whatever happens. */
  void run(LiveStream live, Runnable call) {
    toolExecutor.execute(
        () -> {
          try {
            call.run();
          } finally {
            live.detach();
            open.remove(live);
          }
        });
  }

  /**
   * A GET stream: replays the stream's messages after {@code afterId}, then keeps delivering new
   * ones. A request's stream ends after its last message; the standalone stream after the
   * configured age, when the client reconnects with Last-Event-ID. A session keeps at most {@link
   * #MAX_STREAMS_PER_SESSION} streams on a node; a new one closes the oldest.
   */
  LiveStream follow(McpSession session, String key, long afterId) {
    // A client that lost its connection without the server noticing reconnects: the oldest of the
    // session's streams gives way, so the bound holds without ever refusing the newest.
    List<LiveStream> held =
        open.stream()
            .filter(l -> l.session().idHash().equals(session.idHash()))
            .sorted(Comparator.comparingLong(LiveStream::openedAt))
            .toList();
    for (int i = 0; i <= held.size() - MAX_STREAMS_PER_SESSION; i++) {
      held.get(i).detach();
      open.remove(held.get(i));
    }
    LiveStream live = new LiveStream(streams, session, key);
    open.add(live);
    live.prime(limits.retry(), afterId);
    SsePump.start(
        scheduler,
        limits.pollInterval(),
        new Feed(live, afterId, System.nanoTime()),
        () -> {
          live.detach();
          open.remove(live);
        });
    return live;
  }

  /** Closes this node's streams of an ended session. */
  void closeSession(String sessionHash) {
    for (LiveStream live : open) {
      if (live.session().idHash().equals(sessionHash)) {
        live.detach();
        open.remove(live);
      }
    }
  }

  /** Closes every stream this node holds: clients reconnect to a node that is up. */
  public void closeAll() {
    for (LiveStream live : open) {
      live.detach();
    }
    open.clear();
  }

  /**
   * Sends a request to the client on the call's stream and waits for the answer, which may arrive
   * at this node (handed over at once) or at another (found in the store).
   */
  JsonNode ask(LiveStream live, String method, ObjectNode params) {
    String id = "srv-" + UUID.randomUUID();
    String key = live.session().idHash() + " " + id;
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    waiting.put(key, answer);
    try {
      live.send(JsonRpc.request(id, method, params).toString(), false);
      long deadline = System.nanoTime() + limits.clientRequestTimeout().toNanos();
      while (System.nanoTime() < deadline) {
        try {
          return resultOf(answer.get(limits.pollInterval().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
          List<McpMessage> stored = streams.replay(live.session(), replyStream(id), 0);
          if (!stored.isEmpty()) {
            return resultOf(parse(stored.get(0).payload()));
          }
        } catch (ExecutionException e) {
          throw new ClientRequestFailedException("the client's answer was lost");
        }
      }
      throw new ClientRequestFailedException(
          "the client did not answer " + method + " within " + limits.clientRequestTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClientRequestFailedException("the server is stopping");
    } finally {
      waiting.remove(key);
    }
  }

  /** Takes the client's answer to one of our requests; false when it answers nothing we asked. */
  boolean answer(McpSession session, JsonNode response) {
    JsonNode id = response.get("id");
    if (id == null || !id.isTextual() || !REQUEST_ID.matcher(id.asText()).matches()) {
      return false;
    }
    CompletableFuture<JsonNode> waiter = waiting.get(session.idHash() + " " + id.asText());
    if (waiter != null) {
      waiter.complete(response);
    } else {
      streams.publish(session, replyStream(id.asText()), response.toString(), true);
    }
    return true;
  }

  private static JsonNode resultOf(JsonNode response) {
    if (response.has("result")) {
      return response.get("result");
    }
    throw new ClientRequestFailedException(
        "the client answered with an error: " + response.path("error").path("message").asText());
  }

  private JsonNode parse(String payload) {
    try {
      return json.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new ClientRequestFailedException("the client's stored answer is not JSON");
    }
  }

  private static String replyStream(String requestId) {
    return "r-" + requestId;
  }

  private static String randomKey() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Moves stored messages into one open GET stream, on the scheduler's threads. */
  private final class Feed implements SsePump.Tick {
    private final LiveStream live;
    private final long startedAt;
    private long cursor;
    private long lastBeat;
    private long lastCheck;

    Feed(LiveStream live, long cursor, long startedAt) {
      this.live = live;
      this.cursor = cursor;
      this.startedAt = startedAt;
      this.lastBeat = startedAt;
      this.lastCheck = startedAt;
    }

    @Override
    public boolean next() {
      for (McpMessage message : streams.replay(live.session(), live.key(), cursor)) {
        live.deliver(message);
        cursor = message.id();
        if (message.last()) {
          live.detach();
        }
      }
      long now = System.nanoTime();
      if (now - lastBeat > HEARTBEAT.toNanos()) {
        lastBeat = now;
        live.heartbeat();
      }
      if (now - startedAt > limits.streamMaxAge().toNanos()) {
        live.detach();
      }
      if (now - lastCheck > SESSION_CHECK.toNanos()) {
        lastCheck = now;
        if (!streams.isOpen(live.session())) {
          live.detach(); // ended by a DELETE or a disconnect, perhaps on another node
        }
      }
      return live.isOpen();
    }
  }
}
