package ai.cinatra.adapters.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.application.error.UpstreamException;
import ai.cinatra.application.port.out.remote.OutboundHttp;
import ai.cinatra.application.port.out.remote.OutboundHttp.Reply;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound client against a real local HTTP server: each bound shown biting. */
class JettyHttpOutboundIT {
  private HttpServer server;
  private final List<String> hits = new CopyOnWriteArrayList<>();
  private final JettyHttpOutbound outbound =
      new JettyHttpOutbound(
          Duration.ofSeconds(2), Duration.ofMillis(500), 1024, Set.of("127.0.0.1"));

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
        .isInstanceOf(UpstreamException.class)
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
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("redirects are not followed");
    assertThat(hits).containsExactly("redirect");
  }

  @Test
  void anAnswerPastTheCap_isRefused() {
    assertThatThrownBy(() -> post(url("/big"), Map.of(), Map.of()))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("more than 1024 bytes");
  }

  @Test
  void aSlowAnswer_timesOut() {
    assertThatThrownBy(() -> post(url("/slow"), Map.of(), Map.of()))
        .isInstanceOf(UpstreamException.class)
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
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("could not be reached");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "http://127.0.0.1:PORT/ok",
        "http://localhost:PORT/ok",
        "http://2130706433:PORT/ok", // 127.0.0.1 written as one decimal number
        "http://[::1]:PORT/ok",
        "http://[::ffff:127.0.0.1]:PORT/ok",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/x",
        "http://0.0.0.0:PORT/ok"
      })
  void nonPublicAddresses_areRefused_unlessAllowed_andNothingIsSent(String template) {
    JettyHttpOutbound publicOnly =
        new JettyHttpOutbound(Duration.ofSeconds(2), Duration.ofMillis(500), 1024, Set.of());
    URI target =
        URI.create(template.replace("PORT", String.valueOf(server.getAddress().getPort())));
    assertThatThrownBy(() -> publicOnly.send(postOf(target)))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("which is not a public address")
        .hasMessageContaining("connectors.allowedPrivateHosts");
    assertThat(hits).isEmpty();
  }

  @Test
  void anAllowedPrivateHost_isReached_byTheNameTheAdminListed() {
    JettyHttpOutbound allowingLocalhost =
        new JettyHttpOutbound(
            Duration.ofSeconds(2), Duration.ofMillis(500), 1024, Set.of(" LocalHost "));
    URI byName = URI.create("http://localhost:" + server.getAddress().getPort() + "/ok");
    assertThat(allowingLocalhost.send(postOf(byName)).status()).isEqualTo(200);
    URI byAddress = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ok");
    assertThatThrownBy(() -> allowingLocalhost.send(postOf(byAddress)))
        .hasMessageContaining("not a public address");
  }

  private static OutboundHttp.Request postOf(URI url) {
    return new OutboundHttp.Request(
        "POST", url, Map.of(), Optional.of(Map.of("a", 1)), Optional.empty());
  }
}
