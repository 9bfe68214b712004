package ai.cinatra.bootstrap.oauth;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a text/event-stream response event by event, as an SSE client does. */
final class SseReader implements AutoCloseable {
  /** One event; {@code data} is empty for a priming event. */
  record Event(String id, String data, String retry) {}

  private static final Event END = new Event(null, null, null);

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;

  SseReader(HttpRequest request) {
    response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    response.thenAcceptAsync(
        r -> {
          String id = null;
          String retry = null;
          StringBuilder data = null;
          try (Stream<String> lines = r.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
              if (line.isEmpty()) {
                if (id != null || data != null) {
                  events.add(new Event(id, data == null ? "" : data.toString(), retry));
                }
                id = null;
                retry = null;
                data = null;
              } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
              } else if (line.startsWith("retry:")) {
                retry = line.substring(6).strip();
              } else if (line.startsWith("data:")) {
                data = (data == null ? new StringBuilder() : data.append('\n'));
                data.append(line.substring(5).strip());
              }
            }
          } catch (RuntimeException closed) {
            // The stream was cut; END tells the reader.
          }
          events.add(END);
        });
  }

  HttpResponse<Stream<String>> response() throws Exception {
    return response.get(10, TimeUnit.SECONDS);
  }

  /** The next event, or null when the stream ended or nothing came within the wait. */
  Event next(Duration wait) throws InterruptedException {
    Event event = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    return event == END ? null : event;
  }

  /** Whether the server ends the stream within the wait (events before the end are skipped). */
  boolean endsWithin(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      Event event =
          events.poll(
              Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
      if (event == END) {
        return true;
      }
    }
    return false;
  }

  /** The next event whose data contains {@code text}, skipping others. */
  Event nextContaining(String text, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      Event event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (event == null) {
        return null;
      }
      if (event.data().contains(text)) {
        return event;
      }
    }
    return null;
  }

  @Override
  public void close() {
    response.thenAccept(r -> r.body().close());
    response.cancel(true);
  }
}
