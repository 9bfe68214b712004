package ai.cinatra.application.port.in.run;

import ai.cinatra.domain.run.RunId;

/** What a worker does with a scheduled run: execute its next steps until it waits or ends. */
public interface ExecuteRunUseCase {

  /** Returns whether the run has more work to do right away (it should be scheduled again). */
  boolean execute(RunId run);
}
