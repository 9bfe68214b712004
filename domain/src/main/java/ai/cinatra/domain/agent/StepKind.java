package ai.cinatra.domain.agent;

import ai.cinatra.domain.error.InvalidValueException;
import java.util.List;
import java.util.Locale;

/** What a step does, and the fields each kind requires. */
public enum StepKind {
  /** Emits assistant text from a template. */
  MESSAGE(List.of("text")),
  /** Calls a connector operation with templated arguments. */
  CONNECTOR(List.of("connector", "operation")),
  /** Writes objects from templated data. */
  OBJECTS_SAVE(List.of("data")),
  /** Pauses the run until a person answers (agent_run_resume). */
  APPROVAL(List.of("screen")),
  /** Asks a language model through the configured provider. */
  MODEL(List.of("prompt"));

  private final List<String> required;

  StepKind(List<String> required) {
    this.required = required;
  }

  public List<String> requiredFields() {
    return required;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static StepKind parse(Object text) {
    for (StepKind kind : values()) {
      if (kind.wireName().equals(text)) {
        return kind;
      }
    }
    throw new InvalidValueException(
        "unknown step kind '"
            + text
            + "'; expected message, connector, objects_save, approval or model");
  }
}
