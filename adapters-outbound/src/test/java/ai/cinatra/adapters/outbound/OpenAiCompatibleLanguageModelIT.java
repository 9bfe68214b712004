package ai.cinatra.adapters.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.application.error.UpstreamException;
import ai.cinatra.application.port.out.remote.LanguageModel.Question;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible client against a real local HTTP server speaking chat completions. */
class OpenAiCompatibleLanguageModelIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile String answer =
      "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"42\"}}]}";
  private final OpenAiCompatibleLanguageModel model =
      new OpenAiCompatibleLanguageModel(
          new JettyHttpOutbound(
              Duration.ofSeconds(2), Duration.ofSeconds(5), 4096, Set.of("127.0.0.1")));

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/", this::chat);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void chat(HttpExchange exchange) throws IOException {
    requests.add(
        exchange.getRequestMethod()
            + " "
            + exchange.getRequestURI().getPath()
            + " "
            + exchange.getRequestHeaders().getFirst("Authorization")
            + " "
            + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private Question question(String base, Optional<String> key, String system) {
    return new Question(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + base),
        "small",
        key,
        system,
        "the answer?",
        Duration.ofSeconds(3));
  }

  @Test
  void aQuestion_isPostedAsChatCompletions_withTheKey_andTheAnswerIsTheFirstChoice()
      throws Exception {
    assertThat(model.ask(question("/v1", Optional.of("sk-1"), "be brief"))).isEqualTo("42");
    assertThat(model.ask(question("/v1/", Optional.empty(), ""))).isEqualTo("42");

    assertThat(requests).hasSize(2);
    assertThat(requests.get(0)).startsWith("POST /v1/chat/completions Bearer sk-1 {");
    JsonNode body = JSON.readTree(requests.get(0).substring(requests.get(0).indexOf('{')));
    assertThat(body.path("model").asText()).isEqualTo("small");
    assertThat(body.path("messages"))
        .isEqualTo(
            JSON.readTree(
                "[{\"role\":\"system\",\"content\":\"be brief\"},"
                    + "{\"role\":\"user\",\"content\":\"the answer?\"}]"));
    assertThat(requests.get(1))
        .as("no key, no Authorization; no system text, no system message")
        .startsWith("POST /v1/chat/completions null {")
        .doesNotContain("\"system\"");
  }

  @Test
  void aRefusalOrAnUnknownShape_isAnUpstreamFailure_thatKeepsTheProvidersWordsOut() {
    status = 401;
    answer = "{\"error\":{\"message\":\"Incorrect API key provided: sk-1***\"}}";
    assertThatThrownBy(() -> model.ask(question("/v1", Optional.of("sk-1"), "")))
        .isInstanceOf(UpstreamException.class)
        .hasMessage("the model provider answered HTTP 401");
    status = 200;
    answer = "{\"output\":\"42\"}";
    assertThatThrownBy(() -> model.ask(question("/v1", Optional.empty(), "")))
        .isInstanceOf(UpstreamException.class)
        .hasMessageContaining("no choices[0].message.content");
  }

  @Test
  void anUnreachableProvider_isAnUpstreamFailure() {
    Question nowhere =
        new Question(
            URI.create("http://127.0.0.1:9/v1"),
            "small",
            Optional.empty(),
            "",
            "hi",
            Duration.ofSeconds(2));
    assertThatThrownBy(() -> model.ask(nowhere)).isInstanceOf(UpstreamException.class);
  }
}
