import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Mixed load for bench/soak.sh: signs in through the real OAuth flow (registration, PKCE, sign-in,
 * consent, code), then for the given seconds four workers call whoami, write lists, start runs of
 * the soak agent and poll them with agent_run_get, while the token is refreshed (rotated) every 30
 * s. Every answer is checked; prints the counts and any failure.
 * Usage (soak.sh compiles it with lib/BenchClient.java): java Soak BASE_URL EMAIL PASSWORD SECONDS
 */
public class Soak {
  static final AtomicLong CALLS = new AtomicLong();
  static final AtomicLong FAILURES = new AtomicLong();
  static final AtomicLong REFRESHES = new AtomicLong();
  static final AtomicLong RUNS = new AtomicLong();

  public static void main(String[] args) throws Exception {
    String base = args[0];
    long seconds = Long.parseLong(args[3]);
    BenchClient.Tokens tokens = BenchClient.tokens(base, args[1], args[2]);
    String clientId = tokens.clientId();
    AtomicReference<String> access = new AtomicReference<>(tokens.access());
    AtomicReference<String> refresh = new AtomicReference<>(tokens.refresh());

    long end = System.nanoTime() + seconds * 1_000_000_000L;
    Thread refresher = new Thread(() -> {
      while (System.nanoTime() < end) {
        try {
          Thread.sleep(30_000);
          Map<String, String> r = new LinkedHashMap<>();
          r.put("grant_type", "refresh_token");
          r.put("refresh_token", refresh.get());
          r.put("client_id", clientId);
          HttpResponse<String> rotated = post(base + "/oauth/token", "application/x-www-form-urlencoded", form(r));
          if (rotated.statusCode() != 200) {
            throw new IllegalStateException("refresh " + rotated.statusCode() + " " + rotated.body());
          }
          access.set(field(rotated.body(), "access_token"));
          refresh.set(field(rotated.body(), "refresh_token"));
          REFRESHES.incrementAndGet();
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          FAILURES.incrementAndGet();
          System.err.println("refresh failed: " + e.getMessage());
        }
      }
    });
    refresher.setDaemon(true);
    refresher.start();
    Thread[] workers = new Thread[4];
    for (int w = 0; w < workers.length; w++) {
      int worker = w;
      workers[w] = new Thread(() -> work(base + "/api/mcp", access, worker, end));
      workers[w].start();
    }
    for (Thread t : workers) {
      t.join();
    }
    System.out.printf("soak: %d calls, %d runs, %d refreshes, %d failures in %d s%n",
        CALLS.get(), RUNS.get(), REFRESHES.get(), FAILURES.get(), seconds);
    if (FAILURES.get() > 0) {
      System.exit(1);
    }
  }

  static void work(String mcp, AtomicReference<String> access, int worker, long end) {
    String session = null;
    long i = 0;
    while (System.nanoTime() < end) {
      try {
        if (session == null) {
          HttpResponse<String> init = call(mcp, access.get(), null,
              "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"soak\",\"version\":\"1\"}}}");
          session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        }
        String tool;
        String arguments;
        if (i % 25 == 24) {
          tool = "agent_run";
          arguments = "{\"agentId\":\"soak\",\"inputs\":{\"n\":" + i + "}}";
        } else if (i % 10 == 9) {
          tool = "lists_create";
          arguments = "{\"name\":\"soak-" + worker + "-" + i + "\"}";
        } else {
          tool = "whoami";
          arguments = "{}";
        }
        String body = check(call(mcp, access.get(), session, toolCall(tool, arguments)));
        if (tool.equals("agent_run")) {
          RUNS.incrementAndGet();
          String runId = field(body, "runId");
          for (int poll = 0; poll < 20; poll++) {
            String run = check(call(mcp, access.get(), session, toolCall("agent_run_get", "{\"runId\":\"" + runId + "\"}")));
            if (run.contains("\\\"status\\\":\\\"completed\\\"") || run.contains("\"status\":\"completed\"")) {
              break;
            }
            Thread.sleep(100);
          }
        }
      } catch (Exception e) {
        FAILURES.incrementAndGet();
        System.err.println("worker " + worker + ": " + e.getMessage());
        session = null;
      }
      i++;
    }
  }

  static String toolCall(String tool, String arguments) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}}";
  }

  static String check(HttpResponse<String> response) {
    CALLS.incrementAndGet();
    if (response.statusCode() != 200 || !response.body().contains("structuredContent") || response.body().contains("\"isError\":true")) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  static HttpResponse<String> call(String url, String token, String session, String body) throws Exception {
    return BenchClient.mcp(url, token, session, body);
  }

  static HttpResponse<String> post(String url, String type, String body) throws Exception {
    return BenchClient.post(url, type, body);
  }

  static String form(Map<String, String> fields) {
    return BenchClient.form(fields);
  }

  static String field(String json, String name) {
    return BenchClient.field(json, name);
  }
}
