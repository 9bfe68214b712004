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
 * eight workers, and polled with agent_run_get until every one has completed. Prints the time from
 * the first start to the last completion and checks each run delivered exactly once.
 * Usage: java bench/lib/RunsLoad.java MCP_URL TOKEN COUNT RECEIVER_PORT
 */
public class RunsLoad {
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final Pattern RUN_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  public static void main(String[] args) throws Exception {
    String mcp = args[0];
    String token = args[1];
    int count = Integer.parseInt(args[2]);
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

    ConcurrentLinkedQueue<String> runs = new ConcurrentLinkedQueue<>();
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      Thread t = new Thread(() -> {
        try {
          String session = BenchClient.session(mcp, token);
          for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
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
            while (true) {
              String got = BenchClient.call(mcp, token, session, "agent_run_get", "{\"runId\":\"" + id + "\"}");
              if (got.contains("\\\"status\\\":\\\"completed\\\"") || got.contains("\"status\":\"completed\"")) break;
              if (got.contains("failed") && got.contains("\\\"status\\\":\\\"failed\\\"")) throw new IllegalStateException("run failed: " + got);
              Thread.sleep(50);
            }
          }
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      workers.add(t);
      t.start();
    }
    for (Thread t : workers) t.join();
    double seconds = (System.nanoTime() - start) / 1e9;
    receiver.stop(0);
    System.out.printf("RESULT runs=%d seconds=%.1f runs_per_s=%.0f deliveries=%d distinct=%d%n",
        count, seconds, count / seconds, posts.get(), delivered.size());
    System.exit(delivered.size() == count ? 0 : 1); // the receiver's pool would keep the JVM alive
  }
}
