package ai.cinatra.adapters.http.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.port.out.OutboundHttp;
import ai.cinatra.application.port.out.OutboundHttp.Reply;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound client against a real local HTTP server: each bound shown biting. */
class JavaHttpOutboundIT {
  private HttpServer server;
  private final List<String> hits = new CopyOnWriteArrayList<>();
  private final JavaHttpOutbound outbound =
      new JavaHttpOutbound(Duration.ofSeconds(2), Duration.ofMillis(500), 1024);

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/ok",
        exchange -> {
          hits.add(
              exchange.getRequestHeaders().getFirst("Idempotency-Key")
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          answer(exchange, 200, "{\"fine\":true}");
        });
    server.createContext(
        "/redirect",
        exchange -> {
          hits.add("redirect");
          exchange.getResponseHeaders().add("Location", "http://example.org/elsewhere");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.createContext("/big", exchange -> answer(exchange, 200, "x".repeat(5000)));
    server.createContext(
        "/slow",
        exchange -> {
          try {
            Thread.sleep(2000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          answer(exchange, 200, "{}");
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
      throws java.io.IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private Reply post(URI url, Map<String, String> headers, Map<String, Object> body) {
    return outbound.send(
        new OutboundHttp.Request("POST", url, headers, Optional.of(body), Optional.empty()));
  }

  @Test
  void aGet_sendsNoBody_andACallersShorterTimeoutWins() {
    Reply reply =
        outbound.send(
            new OutboundHttp.Request(
                "GET",
                url("/ok?x=1"),
                Map.of("Idempotency-Key", "k"),
                Optional.empty(),
                Optional.empty()));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(hits).containsExactly("k ");
    assertThatThrownBy(
            () ->
                outbound.send(
                    new OutboundHttp.Request(
                        "GET",
                        url("/slow"),
                        Map.of(),
                        Optional.empty(),
                        Optional.of(java.time.Duration.ofMillis(200)))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("did not answer within 200 ms");
  }

  @Test
  void postsJsonWithItsHeaders_andReadsAJsonAnswer() {
    Reply reply = post(url("/ok"), Map.of("Idempotency-Key", "run:step"), Map.of("a", 1));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo(Map.of("fine", true));
    assertThat(hits).containsExactly("run:step {\"a\":1}");
  }

  @Test
  void aRedirect_isNotFollowed() {
    assertThatThrownBy(() -> post(url("/redirect"), Map.of(), Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("redirects are not followed");
    assertThat(hits).containsExactly("redirect");
  }

  @Test
  void anAnswerPastTheCap_isRefused() {
    assertThatThrownBy(() -> post(url("/big"), Map.of(), Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("more than 1024 bytes");
  }

  @Test
  void aSlowAnswer_timesOut() {
    assertThatThrownBy(() -> post(url("/slow"), Map.of(), Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("did not answer within");
  }

  @Test
  void anUnreachableHost_saysSo() throws Exception {
    int closed;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    assertThatThrownBy(
            () -> post(URI.create("http://127.0.0.1:" + closed + "/x"), Map.of(), Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("could not be reached");
  }
}
