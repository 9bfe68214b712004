package ai.cinatra.application.port.out.remote;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A language model behind a provider's API: asked one question (an optional system text and a
 * prompt), it answers with text. How the question travels is the adapter's business.
 */
public interface LanguageModel {

  /** One question to a provider at {@code baseUrl}, with its model, key and time limit. */
  record Question(
      URI baseUrl,
      String model,
      Optional<String> apiKey,
      String system,
      String prompt,
      Duration timeout) {
    public Question {
      if (baseUrl == null
          || model == null
          || apiKey == null
          || system == null
          || prompt == null
          || timeout == null) {
        throw new IllegalArgumentException("a question names its provider, model and texts");
      }
    }

    @Override
    public String toString() {
      // Never print the key.
      return "Question[" + baseUrl + ", " + model + "]";
    }
  }

  /**
   * @return the model's answer
   * @throws ai.cinatra.application.error.UpstreamException when the provider cannot be reached, is
   *     too slow, refuses, or answers in a shape the adapter does not know
   */
  String ask(Question question);
}
