package ai.cinatra.bootstrap.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The doctor's judgements against canned answers from a local HTTP server, for the answers a real
 * Cinatra never gives (CheckConnectionIT runs it against the jar): an unprotected endpoint, a 401
 * without a Bearer challenge, two issuers, a clock read on this side, a token that is not JSON.
 */
class ConnectionCheckTest {
  private final Map<String, String[]> answers = new ConcurrentHashMap<>();
  private HttpServer server;
  private String origin;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String[] answer =
              answers.getOrDefault(
                  exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
                  new String[] {"404", "text/plain", "no"});
          byte[] body = answer[2].replace("ORIGIN", origin).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", answer[1]);
          if (answer.length > 3) {
            exchange
                .getResponseHeaders()
                .add("WWW-Authenticate", answer[3].replace("ORIGIN", origin));
          }
          exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    origin = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String check(Clock clock) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    boolean ok =
        new ConnectionCheck(
                new ConnectionCheck.Target(
                    origin + "/api/mcp", "a@b.c", "pw", Optional.empty(), Optional.empty()),
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                clock)
            .run();
    String output = printed.toString(StandardCharsets.UTF_8);
    assertThat(ok).as(output).isFalse();
    assertThat(output).contains("Not connectable yet");
    assertThat(output.lines().filter(l -> l.startsWith("✗"))).hasSize(1);
    return output;
  }

  private void protectedEndpoint() {
    answers.put(
        "POST /api/mcp",
        new String[] {
          "401",
          "application/json",
          "{}",
          "Bearer resource_metadata=\"ORIGIN/.well-known/oauth-protected-resource/api/mcp\""
        });
  }

  @Test
  void anEndpointThatAnswersWithoutAToken_isNotProtected() {
    answers.put("POST /api/mcp", new String[] {"200", "application/json", "{\"result\":{}}"});
    assertThat(check(Clock.systemUTC()))
        .contains("✗ unauthenticated probe")
        .contains("not protected by OAuth");
  }

  @Test
  void a401WithoutABearerChallenge_isNotAnMcpServer() {
    answers.put("POST /api/mcp", new String[] {"401", "text/plain", "go away"});
    assertThat(check(Clock.systemUTC()))
        .contains("✗ unauthenticated probe")
        .contains("→ 401: go away")
        .contains("this is not an MCP server");
  }

  @Test
  void aClockOffByAMinute_isNamedWithItsDirection() {
    protectedEndpoint();
    Clock behind = Clock.fixed(Instant.now().minus(Duration.ofMinutes(1)), ZoneOffset.UTC);
    assertThat(check(behind))
        .contains("✓ unauthenticated probe")
        .contains("✗ clocks")
        .containsPattern("The server's clock is (59|60|61) s ahead of this machine's");
  }

  @Test
  void twoIssuers_areNamed() {
    protectedEndpoint();
    answers.put(
        "GET /.well-known/oauth-protected-resource/api/mcp",
        new String[] {
          "200",
          "application/json",
          "{\"resource\":\"ORIGIN/api/mcp\",\"authorization_servers\":[\"ORIGIN\"]}"
        });
    answers.put(
        "GET /.well-known/oauth-protected-resource",
        new String[] {"200", "application/json", "{\"resource\":\"ORIGIN/api/mcp\"}"});
    answers.put(
        "GET /.well-known/oauth-authorization-server",
        new String[] {"200", "application/json", "{\"issuer\":\"https://elsewhere.example\"}"});
    assertThat(check(Clock.systemUTC()))
        .contains("✓ protected resource metadata")
        .contains("✗ authorization server metadata")
        .contains("names another issuer");
  }

  @Test
  void metadataThatIsNotJson_isSaidSo() {
    protectedEndpoint();
    answers.put(
        "GET /.well-known/oauth-protected-resource/api/mcp",
        new String[] {"200", "application/json", "resource: here"});
    assertThat(check(Clock.systemUTC()))
        .contains("✗ protected resource metadata")
        .contains("did not answer JSON");
  }
}
