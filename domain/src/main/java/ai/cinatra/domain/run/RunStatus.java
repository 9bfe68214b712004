package ai.cinatra.domain.run;

import ai.cinatra.domain.error.InvalidValueException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a run is: queued → running → (pending_approval ⇄ running) → completed | failed | stopped.
 * Terminal states never change.
 */
public enum RunStatus {
  QUEUED,
  RUNNING,
  PENDING_APPROVAL,
  COMPLETED,
  FAILED,
  STOPPED;

  /** The statuses this one may become; none for a terminal status. */
  public Set<RunStatus> next() {
    return switch (this) {
      case QUEUED -> EnumSet.of(RUNNING, FAILED, STOPPED);
      case RUNNING -> EnumSet.of(PENDING_APPROVAL, COMPLETED, FAILED, STOPPED);
      case PENDING_APPROVAL -> EnumSet.of(RUNNING, FAILED, STOPPED);
      case COMPLETED, FAILED, STOPPED -> EnumSet.noneOf(RunStatus.class);
    };
  }

  public boolean canBecome(RunStatus target) {
    return next().contains(target);
  }

  public boolean isTerminal() {
    return next().isEmpty();
  }

  /** The status as the protocol names it. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RunStatus parse(String text) {
    for (RunStatus status : values()) {
      if (status.wireName().equals(text)) {
        return status;
      }
    }
    throw new InvalidValueException(
        "unknown run status '"
            + text
            + "'; expected queued, running, pending_approval, completed, failed or stopped");
  }
}
