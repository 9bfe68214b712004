package ai.cinatra.domain.agent;

import ai.cinatra.domain.error.InvalidValueException;
import java.time.Duration;
import java.util.Optional;

/**
 * Saves an object from {@code data}, a template that must render to a JSON object (often a single
 * placeholder such as {@code {{inputs.note}}}), with an optional type hint.
 */
public record ObjectsSaveStep(
    String id, Optional<Duration> timeout, Object data, Optional<String> typeHint) implements Step {
  public ObjectsSaveStep {
    StepFields.checkId(id);
    StepFields.checkTimeout(id, timeout);
    if (data == null || typeHint == null) {
      throw new InvalidValueException("step " + id + " (objects_save) needs the field 'data'");
    }
    data = JsonValues.copy(data);
  }

  @Override
  public StepKind kind() {
    return StepKind.OBJECTS_SAVE;
  }
}
