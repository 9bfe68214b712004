import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Run-engine throughput for bench/runs.sh: a local webhook receiver on the given port, then COUNT
 * runs of the three-step "relay" agent (message, webhook post, message) started through MCP by
 * eight workers, and polled with agent_run_get as the tool asks (afterEventId = the last nextEventId;
 * every 50 ms, more often than its pollAfterMs) until every one has completed. Prints the time from
 * the first start to the last completion and checks each run delivered exactly once.
 * Usage: java bench/lib/RunsLoad.java MCP_URL TOKEN COUNT RECEIVER_PORT [WARM_UP_RUNS]
 */
public class RunsLoad {
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final Pattern NEXT_EVENT = Pattern.compile("nextEventId\\\\?\":(\\d+)");
  static final Pattern RUN_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  public static void main(String[] args) throws Exception {
    String mcp = args[0];
    String token = args[1];
    int count = Integer.parseInt(args[2]);
    int warm = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    Set<String> delivered = ConcurrentHashMap.newKeySet();
    AtomicInteger posts = new AtomicInteger();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[3])), 64);
    receiver.createContext("/hook", exchange -> {
      posts.incrementAndGet();
      delivered.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
      exchange.getRequestBody().readAllBytes();
      byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, ok.length);
      exchange.getResponseBody().write(ok);
      exchange.close();
    });
    receiver.setExecutor(Executors.newFixedThreadPool(4));
    receiver.start();

    // The server in service is warm: a first round, not counted, compiles the run engine's code.
    if (warm > 0) {
      round(mcp, token, 0, warm);
    }
    int warmPosts = posts.get();
    double seconds = round(mcp, token, warm, count);
    receiver.stop(0);
    System.out.printf("RESULT runs=%d seconds=%.1f runs_per_s=%.0f deliveries=%d distinct=%d warm_up_runs=%d%n",
        count, seconds, count / seconds, posts.get() - warmPosts, delivered.size() - warm, warm);
    System.exit(delivered.size() == warm + count ? 0 : 1); // the receiver's pool would keep the JVM alive
  }

  /** Starts runs n = from .. from+count-1 and polls them until all completed; the seconds taken. */
  static double round(String mcp, String token, int from, int count) throws InterruptedException {
    ConcurrentLinkedQueue<String> runs = new ConcurrentLinkedQueue<>();
    AtomicInteger next = new AtomicInteger(from);
    long start = System.nanoTime();
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int w = 0; w < 8; w++) {
      Thread t = new Thread(() -> {
        try {
          String session = BenchClient.session(mcp, token);
          for (int n = next.getAndIncrement(); n < from + count; n = next.getAndIncrement()) {
            String answer = BenchClient.call(mcp, token, session, "agent_run",
                "{\"agentId\":\"relay\",\"inputs\":{\"n\":" + n + "}}");
            Matcher m = RUN_ID.matcher(answer);
            if (!m.find()) throw new IllegalStateException("no run id: " + answer);
            runs.add(m.group());
          }
          String run;
          List<String> mine = new ArrayList<>();
          while ((run = runs.poll()) != null) mine.add(run);
          for (String id : mine) {
            long after = 0;
            while (true) {
              String got = BenchClient.call(mcp, token, session, "agent_run_get",
                  "{\"runId\":\"" + id + "\",\"afterEventId\":" + after + "}");
              if (got.contains("\\\"status\\\":\\\"completed\\\"") || got.contains("\"status\":\"completed\"")) break;
              if (got.contains("failed") && got.contains("\\\"status\\\":\\\"failed\\\"")) throw new IllegalStateException("run failed: " + got);
              Matcher cursor = NEXT_EVENT.matcher(got);
              if (!cursor.find()) throw new IllegalStateException("no nextEventId: " + got);
              after = Long.parseLong(cursor.group(1));
              Thread.sleep(50);
            }
          }
        } catch (Exception e) {
          failures.add(e);
        }
      });
      workers.add(t);
      t.start();
    }
    for (Thread t : workers) t.join();
    if (!failures.isEmpty()) throw new IllegalStateException("a worker failed", failures.get(0));
    return (System.nanoTime() - start) / 1e9;
  }
}
