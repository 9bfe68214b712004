package ai.cinatra.bootstrap.oauth;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

/** A real HTTP server on a free loopback port, answering one path with JSON, for outbound calls. */
final class LocalJsonServer implements AutoCloseable {
  private final HttpServer server;

  /**
   * @param answer from the request's Idempotency-Key header (or null) and body to the JSON answer
   */
  LocalJsonServer(String path, BiFunction<String, String, String> answer) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        path,
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          byte[] json =
              answer
                  .apply(exchange.getRequestHeaders().getFirst("Idempotency-Key"), body)
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, json.length);
          exchange.getResponseBody().write(json);
          exchange.close();
        });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
