package ai.cinatra.domain.mcp;

import ai.cinatra.domain.error.InvalidValueException;
import java.time.Instant;

/**
 * One JSON-RPC message on one of a session's streams, kept so that a client reconnecting with
 * Last-Event-ID, on any node, gets what it missed. {@code id} orders messages (0 until stored);
 * {@code last} marks the message that completes a request's stream.
 */
public record McpMessage(
    long id, String sessionHash, String stream, String payload, boolean last, Instant createdAt) {

  /** Stream keys are short and never contain the event id separator. */
  public static final int MAX_STREAM_KEY = 80;

  public McpMessage {
    if (sessionHash == null || stream == null || payload == null || createdAt == null) {
      throw new InvalidValueException("a stream message names its session, stream and payload");
    }
    if (stream.isEmpty() || stream.length() > MAX_STREAM_KEY || stream.indexOf('.') >= 0) {
      throw new InvalidValueException("a stream key is 1 to 80 characters without '.'");
    }
  }

  /** The SSE event id: the stream and the position, so a reconnect names both. */
  public String eventId() {
    return stream + "." + id;
  }
}
