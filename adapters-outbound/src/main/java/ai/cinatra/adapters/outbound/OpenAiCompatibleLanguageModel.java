package ai.cinatra.adapters.outbound;

import ai.cinatra.application.error.UpstreamException;
import ai.cinatra.application.port.out.remote.LanguageModel;
import ai.cinatra.application.port.out.remote.OutboundHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A language model behind an OpenAI-compatible chat-completions API (OpenAI, Azure OpenAI's v1
 * endpoint, Mistral, Groq, vLLM, Ollama, LiteLLM...): a POST of the system text and the prompt to
 * {@code <baseUrl>/chat/completions}, the answer read from {@code choices[0].message.content}. The
 * call goes through the outbound HTTP client, with its address checks and limits.
 */
public final class OpenAiCompatibleLanguageModel implements LanguageModel {
  private final OutboundHttp http;

  public OpenAiCompatibleLanguageModel(OutboundHttp http) {
    this.http = http;
  }

  @Override
  public String ask(Question question) {
    List<Map<String, Object>> messages = new ArrayList<>();
    if (!question.system().isBlank()) {
      messages.add(Map.of("role", "system", "content", question.system()));
    }
    messages.add(Map.of("role", "user", "content", question.prompt()));
    Map<String, String> headers = new LinkedHashMap<>();
    question.apiKey().ifPresent(k -> headers.put("Authorization", "Bearer " + k));
    OutboundHttp.Reply reply =
        http.send(
            new OutboundHttp.Request(
                "POST",
                chatCompletions(question.baseUrl()),
                headers,
                Optional.of(Map.of("model", question.model(), "messages", messages)),
                Optional.of(question.timeout())));
    if (reply.status() < 200 || reply.status() > 299) {
      // Its own words stay out: a provider's refusal may echo part of the key.
      throw new UpstreamException("the model provider answered HTTP " + reply.status());
    }
    return textOf(reply.body());
  }

  /** Where chat completions are posted: below the base URL, whether or not it ends in '/'. */
  static URI chatCompletions(URI baseUrl) {
    String base = baseUrl.toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
  }

  /** choices[0].message.content of a chat-completions answer. */
  private static String textOf(Object body) {
    if (body instanceof Map<?, ?> answer
        && answer.get("choices") instanceof List<?> choices
        && !choices.isEmpty()
        && choices.get(0) instanceof Map<?, ?> choice
        && choice.get("message") instanceof Map<?, ?> message
        && message.get("content") instanceof String content) {
      return content;
    }
    throw new UpstreamException("the model provider's answer has no choices[0].message.content");
  }
}
