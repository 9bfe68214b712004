package ai.cinatra.domain.agent;

import ai.cinatra.domain.error.InvalidValueException;
import java.time.Duration;
import java.util.Optional;

/** Emits assistant text rendered from a template. */
public record MessageStep(String id, Optional<Duration> timeout, String text) implements Step {
  public MessageStep {
    StepFields.checkId(id);
    StepFields.checkTimeout(id, timeout);
    if (text == null) {
      throw new InvalidValueException("step " + id + " (message) needs the field 'text'");
    }
  }

  @Override
  public StepKind kind() {
    return StepKind.MESSAGE;
  }
}
