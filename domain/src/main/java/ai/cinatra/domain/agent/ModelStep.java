package ai.cinatra.domain.agent;

import ai.cinatra.domain.error.InvalidValueException;
import java.time.Duration;
import java.util.Optional;

/** Asks the configured language model: a system text (may be empty) and a prompt, templates. */
public record ModelStep(String id, Optional<Duration> timeout, String system, String prompt)
    implements Step {
  public ModelStep {
    StepFields.checkId(id);
    StepFields.checkTimeout(id, timeout);
    if (system == null || prompt == null) {
      throw new InvalidValueException("step " + id + " (model) needs the field 'prompt'");
    }
  }

  @Override
  public StepKind kind() {
    return StepKind.MODEL;
  }
}
