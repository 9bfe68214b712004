package ai.cinatra.adapters.http.mcp;

import ai.cinatra.adapters.http.sse.SsePump;
import ai.cinatra.application.port.in.mcp.McpStreamsUseCase;
import ai.cinatra.domain.mcp.McpMessage;
import ai.cinatra.domain.mcp.McpSession;
import java.io.IOException;
import java.time.Duration;

/**
 * One SSE stream to a client. Every message is stored before it is written, so when the connection
 * drops (or the server lets go of it on purpose) the client gets the rest by GET with
 * Last-Event-ID, from any node.
 */
final class LiveStream {
  private final McpStreamsUseCase streams;
  private final McpSession session;
  private final String key;
  private final long openedAt = System.nanoTime();
  private final SseSink out = new SseSink();

  LiveStream(McpStreamsUseCase streams, McpSession session, String key) {
    this.streams = streams;
    this.session = session;
    this.key = key;
  }

  /**
   * A stream for one 2026-07-28 request: nothing stored and no event ids, since that revision has
   * no resumption; a broken stream cancels the request, and the client sends it again.
   */
  static LiveStream unstored() {
    return new LiveStream(null, null, "unstored");
  }

  /** Where the servlet sends what was written so far and everything written later. */
  SseSink sink() {
    return out;
  }

  long openedAt() {
    return openedAt;
  }

  McpSession session() {
    return session;
  }

  String key() {
    return key;
  }

  /** The first event: an id to resume from and how long to wait before reconnecting (SEP-1699). */
  synchronized void prime(Duration retry, long position) {
    write("id: " + key + "." + position + "\nretry: " + retry.toMillis() + "\ndata: \n\n");
  }

  /** Stores the message on this stream and writes it when the client is still connected. */
  synchronized void send(String json, boolean last) {
    if (streams == null) {
      write("event: message\ndata: " + json + "\n\n");
      return;
    }
    write(event(streams.publish(session, key, json, last)));
  }

  /** Writes a message that is already stored (a replay). */
  synchronized void deliver(McpMessage message) {
    write(event(message));
  }

  /** A comment line: keeps proxies from timing the stream out and finds dead connections. */
  synchronized boolean heartbeat() {
    write(": keep-alive\n\n");
    return isOpen();
  }

  synchronized boolean isOpen() {
    return !out.isClosed();
  }

  /** Lets go of the connection; later messages wait in the store. */
  synchronized void detach() {
    out.close(); // a client already gone loses nothing: the store has every message
  }

  private static String event(McpMessage message) {
    return SsePump.event(message.eventId(), "message", message.payload());
  }

  private void write(String chunk) {
    if (out.isClosed()) {
      return;
    }
    try {
      out.write(chunk);
    } catch (IOException e) {
      detach();
    }
  }
}
