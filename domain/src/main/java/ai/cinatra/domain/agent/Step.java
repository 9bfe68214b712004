package ai.cinatra.domain.agent;

import ai.cinatra.domain.error.InvalidValueException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** One step of an agent: an id unique in the agent, a kind, and the kind's settings. */
public record Step(String id, StepKind kind, Map<String, Object> settings) {
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
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }
}
