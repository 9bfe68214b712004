package ai.cinatra.adapters.http.mcp;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of one SSE response. What is written before the servlet hands the response over waits
 * here (a tool may answer before the request thread returns); after that every write goes straight
 * out and is flushed, from whichever thread writes, until the stream is closed or the client goes.
 */
final class SseSink {
  private final List<byte[]> pending = new ArrayList<>();
  private ServletOutputStream out;
  private AsyncContext async;
  // Set by Jetty's threads when the client goes; read without the lock a blocked write holds.
  private volatile boolean closed;

  synchronized void write(String chunk) throws IOException {
    if (closed) {
      throw new IOException("the stream is closed");
    }
    byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
    if (out == null) {
      pending.add(bytes);
      return;
    }
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException | IllegalStateException e) {
      close();
      throw new IOException("the client is gone", e);
    }
  }

  /**
   * Starts the response with what was written so far; the connection stays open (asynchronously,
   * off the request thread) only when the stream is not finished yet.
   */
  synchronized void attach(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ServletOutputStream stream = response.getOutputStream();
    for (byte[] bytes : pending) {
      stream.write(bytes);
    }
    pending.clear();
    stream.flush();
    if (closed) {
      return; // everything was said: the response ends when the servlet returns
    }
    async = request.startAsync();
    async.setTimeout(0); // the stream's age is the hub's to bound, not the container's
    async.addListener(new Gone());
    out = stream;
  }

  synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (async != null) {
      try {
        async.complete();
      } catch (IllegalStateException e) {
        // Jetty completed it already (the client went away).
      }
    }
  }

  boolean isClosed() {
    return closed;
  }

  /** Marks the stream closed when the connection ends from the other side. */
  private final class Gone implements AsyncListener {
    @Override
    public void onComplete(AsyncEvent event) {
      closed = true;
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      closed = true;
    }

    @Override
    public void onError(AsyncEvent event) {
      closed = true;
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      // Not restarted.
    }
  }
}
