import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Load generator for bench/mcp-calls.sh: one MCP session per worker, then tools/call whoami as fast
 * as each worker can for the given seconds. Prints calls per second and latency percentiles.
 * Usage: java bench/McpCalls.java URL TOKEN SECONDS WORKERS
 */
public class McpCalls {
  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0]);
    String token = args[1];
    int seconds = Integer.parseInt(args[2]);
    int workers = Integer.parseInt(args[3]);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    AtomicBoolean warm = new AtomicBoolean(true);
    AtomicBoolean stop = new AtomicBoolean(false);
    List<List<Long>> latencies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      List<Long> mine = new ArrayList<>();
      latencies.add(mine);
      String session = initialize(http, url, token);
      Thread thread =
          new Thread(
              () -> {
                String body =
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"whoami\",\"arguments\":{}}}";
                while (!stop.get()) {
                  long start = System.nanoTime();
                  try {
                    HttpResponse<String> r =
                        http.send(request(url, token, session, body), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200 || !r.body().contains("structuredContent")) {
                      throw new IllegalStateException(r.statusCode() + " " + r.body());
                    }
                  } catch (Exception e) {
                    throw new RuntimeException(e);
                  }
                  if (!warm.get()) {
                    mine.add(System.nanoTime() - start);
                  }
                }
              });
      threads.add(thread);
      thread.start();
    }
    Thread.sleep(5_000); // warm-up: JIT, connection pools
    warm.set(false);
    long begin = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    long elapsed = System.nanoTime() - begin;
    for (Thread t : threads) {
      t.join();
    }
    List<Long> all = new ArrayList<>();
    latencies.forEach(all::addAll);
    Collections.sort(all);
    System.out.printf(
        "%d workers: %.0f calls/s, p50 %.2f ms, p99 %.2f ms (%d calls in %d s)%n",
        workers,
        all.size() / (elapsed / 1e9),
        all.get(all.size() / 2) / 1e6,
        all.get((int) (all.size() * 0.99)) / 1e6,
        all.size(),
        seconds);
  }

  static String initialize(HttpClient http, URI url, String token) throws Exception {
    HttpResponse<String> r =
        http.send(
            request(
                url,
                token,
                null,
                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}"),
            HttpResponse.BodyHandlers.ofString());
    return r.headers().firstValue("Mcp-Session-Id").orElseThrow(() -> new IllegalStateException(r.body()));
  }

  static HttpRequest request(URI url, String token, String session, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      b.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
    }
    return b.build();
  }
}
