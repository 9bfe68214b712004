package ai.cinatra.domain.agent;

import ai.cinatra.domain.error.InvalidValueException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a step's fields from its JSON object, naming the step and field in every complaint. */
final class StepFields {
  static final int MAX_TIMEOUT_SECONDS = 3600;
  private static final Pattern ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]{0,62}");

  private final Map<?, ?> raw;
  private final String id;
  private final StepKind kind;

  StepFields(Map<?, ?> raw) {
    this.raw = raw;
    this.id = checkId(raw.get("id") instanceof String s ? s : null);
    if (raw.get("kind") == null) {
      throw new InvalidValueException("step " + id + " needs a kind");
    }
    this.kind = StepKind.parse(raw.get("kind"));
    for (String field : kind.requiredFields()) {
      if (raw.get(field) == null) {
        throw complaint("needs the field '" + field + "'");
      }
    }
  }

  /** The id rule every step kind shares. */
  static String checkId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new InvalidValueException(
          "a step id is 1 to 63 letters, digits, '-' or '_', starting with a letter: " + id);
    }
    return id;
  }

  /** The timeout rule every step kind shares. */
  static void checkTimeout(String id, Optional<Duration> timeout) {
    if (timeout == null) {
      throw new InvalidValueException("step " + id + ": the timeout is present or empty");
    }
    timeout.ifPresent(
        t -> {
          if (t.compareTo(Duration.ofSeconds(1)) < 0
              || t.compareTo(Duration.ofSeconds(MAX_TIMEOUT_SECONDS)) > 0) {
            throw new InvalidValueException(
                "step "
                    + id
                    + ": timeoutSeconds is a whole number from 1 to "
                    + MAX_TIMEOUT_SECONDS);
          }
        });
  }

  String id() {
    return id;
  }

  StepKind kind() {
    return kind;
  }

  Optional<Duration> timeout() {
    Object timeout = raw.get("timeoutSeconds");
    if (timeout == null) {
      return Optional.empty();
    }
    if (!(timeout instanceof Number seconds
        && seconds.doubleValue() == seconds.longValue()
        && seconds.longValue() >= 1
        && seconds.longValue() <= MAX_TIMEOUT_SECONDS)) {
      throw new InvalidValueException(
          "step " + id + ": timeoutSeconds is a whole number from 1 to " + MAX_TIMEOUT_SECONDS);
    }
    return Optional.of(Duration.ofSeconds(seconds.longValue()));
  }

  String text(String field) {
    return optionalText(field).orElseThrow(() -> complaint("needs the field '" + field + "'"));
  }

  Optional<String> optionalText(String field) {
    Object value = raw.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw complaint(field + " is a string");
    }
    return Optional.of(text);
  }

  Map<String, Object> object(String field) {
    return optionalObject(field).orElseThrow(() -> complaint("needs the field '" + field + "'"));
  }

  Optional<Map<String, Object>> optionalObject(String field) {
    Object value = raw.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw complaint(field + " is a JSON object");
    }
    return Optional.of(JsonValues.object(map));
  }

  Object value(String field) {
    return optionalValue(field).orElseThrow(() -> complaint("needs the field '" + field + "'"));
  }

  Optional<Object> optionalValue(String field) {
    return Optional.ofNullable(raw.get(field)).map(JsonValues::copy);
  }

  private InvalidValueException complaint(String what) {
    return new InvalidValueException("step " + id + " (" + kind.wireName() + ") " + what);
  }
}
