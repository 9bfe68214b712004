package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The approval example driven by one of the SDK client scripts: the real jar with a member and the
 * example installed, a local webhook receiver for its payouts, and the script's last JSON line.
 */
final class ApprovalExampleClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "a long enough password";

  /** What the script printed, and the payouts the webhook received. */
  record Outcome(JsonNode saw, List<String> deliveries) {}

  private ApprovalExampleClient() {}

  static Outcome run(Path workDir, String script) throws Exception {
    Path client = NodeClients.install();
    List<String> deliveries = Collections.synchronizedList(new ArrayList<>());
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          deliveries.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    receiver.start();
    int port = CinatraJar.freePort();
    String base = "http://127.0.0.1:" + port;
    CinatraJar jar = new CinatraJar(workDir, Map.of("CINATRA_BASE_URL", base));
    try {
      jar.ok(
          PASSWORD + "\n",
          "account",
          "create",
          "--email",
          "member@example.org",
          "--role",
          "member");
      jar.installApprovalExample("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
      try (CinatraJar.Server server =
          jar.server(
              port,
              CinatraJar.freePort(),
              List.of("-Ddw.runs.pollingInterval=200ms", "-Ddw.mcp.clientRequestTimeout=30s"))) {
        Path stderr = Files.createTempFile("approval", ".err");
        Process node =
            new ProcessBuilder("node", script, base, PASSWORD, "member@example.org")
                .directory(client.toFile())
                .redirectError(stderr.toFile())
                .start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(node.exitValue()).as(Files.readString(stderr)).isZero();
        return new Outcome(
            JSON.readTree(output.lines().reduce((a, b) -> b).orElseThrow()), deliveries);
      }
    } finally {
      receiver.stop(0);
    }
  }
}
