package ai.cinatra.domain.agent;

import ai.cinatra.domain.error.InvalidValueException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Pauses the run until a person answers: a title, the screen (a JSON schema of the answer) and the
 * proposed values, a template rendered when the run reaches the step.
 */
public record ApprovalStep(
    String id,
    Optional<Duration> timeout,
    String title,
    Map<String, Object> screen,
    Object proposed)
    implements Step {
  /** The title shown when the step names none. */
  public static final String DEFAULT_TITLE = "Approval needed";

  public ApprovalStep {
    StepFields.checkId(id);
    StepFields.checkTimeout(id, timeout);
    if (title == null || screen == null || proposed == null) {
      throw new InvalidValueException("step " + id + " (approval) needs the field 'screen'");
    }
    screen = JsonValues.object(screen);
    proposed = JsonValues.copy(proposed);
  }

  @Override
  public StepKind kind() {
    return StepKind.APPROVAL;
  }
}
