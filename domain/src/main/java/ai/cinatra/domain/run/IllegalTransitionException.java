package ai.cinatra.domain.run;

import ai.cinatra.domain.error.InvalidValueException;

/** A run was asked to move where its state machine does not go. */
public final class IllegalTransitionException extends InvalidValueException {
  public IllegalTransitionException(RunStatus from, RunStatus to) {
    super(
        "a "
            + from.wireName()
            + " run cannot become "
            + to.wireName()
            + (from.isTerminal() ? ": it has ended" : ""));
  }
}
