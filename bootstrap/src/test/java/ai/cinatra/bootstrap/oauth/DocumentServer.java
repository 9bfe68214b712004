package ai.cinatra.bootstrap.oauth;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on loopback that serves client metadata documents (and broken answers) the way
 * a client's host would, and counts what was asked of it.
 */
final class DocumentServer implements AutoCloseable {
  /** One canned answer. */
  record Answer(int status, String contentType, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, Long> delays = new ConcurrentHashMap<>();
  final List<String> requests = new CopyOnWriteArrayList<>();

  DocumentServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.add(path + " Accept: " + exchange.getRequestHeaders().getFirst("Accept"));
          Answer answer = answers.getOrDefault(path, new Answer(404, "text/plain", Map.of(), "no"));
          try {
            Thread.sleep(delays.getOrDefault(path, 0L));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", answer.contentType());
          answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
          exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
          if (body.length > 0) {
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  int port() {
    return server.getAddress().getPort();
  }

  void serve(String path, Answer answer) {
    answers.put(path, answer);
  }

  /** Serves the answer only after {@code millis}, like a host that hangs. */
  void serveSlowly(String path, long millis, Answer answer) {
    delays.put(path, millis);
    answers.put(path, answer);
  }

  /** A metadata document for the client_id {@link #url(String) url(path)}. */
  void serveDocument(String path, String clientId, String redirectUri, String cacheControl) {
    serve(
        path,
        new Answer(
            200,
            "application/json",
            Map.of("Cache-Control", cacheControl),
            "{\"client_id\":\""
                + clientId
                + "\",\"client_name\":\"Claude\",\"client_uri\":\"https://claude.ai\","
                + "\"redirect_uris\":[\""
                + redirectUri
                + "\"],\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                + "\"response_types\":[\"code\"],\"token_endpoint_auth_method\":\"none\"}"));
  }

  long hits(String path) {
    return requests.stream().filter(r -> r.startsWith(path + " ")).count();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
