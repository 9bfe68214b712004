package ai.cinatra.domain.agent;

import ai.cinatra.domain.error.InvalidValueException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One step of an agent: an id unique in the agent, a kind, and the kind's settings (which may set
 * its own {@code timeoutSeconds}).
 */
public record Step(String id, StepKind kind, Map<String, Object> settings) {
  /** The longest a step may set for itself: an hour. */
  public static final int MAX_TIMEOUT_SECONDS = 3600;

  private static final Pattern ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]{0,62}");

  public Step {
    if (id == null || !ID.matcher(id).matches()) {
      throw new InvalidValueException(
          "a step id is 1 to 63 letters, digits, '-' or '_', starting with a letter: " + id);
    }
    if (kind == null || settings == null) {
      throw new InvalidValueException("step " + id + " needs a kind");
    }
    for (String field : kind.requiredFields()) {
      if (!settings.containsKey(field) || settings.get(field) == null) {
        throw new InvalidValueException(
            "step " + id + " (" + kind.wireName() + ") needs the field '" + field + "'");
      }
    }
    if (kind == StepKind.APPROVAL && !(settings.get("screen") instanceof Map)) {
      throw new InvalidValueException("step " + id + ": screen is a JSON schema object");
    }
    Object timeout = settings.get("timeoutSeconds");
    if (timeout != null
        && !(timeout instanceof Number seconds
            && seconds.doubleValue() == seconds.longValue()
            && seconds.longValue() >= 1
            && seconds.longValue() <= MAX_TIMEOUT_SECONDS)) {
      throw new InvalidValueException(
          "step " + id + ": timeoutSeconds is a whole number from 1 to " + MAX_TIMEOUT_SECONDS);
    }
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** The step's own time limit, when it sets one ({@code timeoutSeconds}). */
  public Optional<Duration> timeout() {
    return settings.get("timeoutSeconds") instanceof Number seconds
        ? Optional.of(Duration.ofSeconds(seconds.longValue()))
        : Optional.empty();
  }
}
