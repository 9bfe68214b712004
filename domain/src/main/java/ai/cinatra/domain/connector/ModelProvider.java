package ai.cinatra.domain.connector;

import ai.cinatra.domain.error.InvalidValueException;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The language model agent {@code model} steps ask: a provider's API at {@code baseUrl} (e.g.
 * https://api.openai.com/v1), a model name, and an API key kept sealed.
 */
public record ModelProvider(
    URI baseUrl, String model, Optional<String> sealedKey, Instant updatedAt) {
  public ModelProvider {
    if (baseUrl == null || model == null || sealedKey == null || updatedAt == null) {
      throw new InvalidValueException("a model provider has a base URL, a model and a time");
    }
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https"))
        || baseUrl.getHost() == null
        || baseUrl.getUserInfo() != null
        || baseUrl.getQuery() != null
        || baseUrl.getFragment() != null) {
      throw new InvalidValueException(
          "the model base URL is an absolute http(s) URL with a host and no query, credentials or"
              + " fragment");
    }
    if (model.isBlank() || model.length() > 200) {
      throw new InvalidValueException("the model name is 1 to 200 characters");
    }
  }
}
