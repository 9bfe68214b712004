package ai.cinatra.application.service;

import ai.cinatra.domain.agent.Step;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.PendingApproval;
import java.time.Duration;
import java.util.Map;

/** Does what one kind of step does; the run engine picks the executor by the step's type. */
interface StepExecutor<S extends Step> {

  /** What a step runs with: its run, the values templates read, the events it adds, its limit. */
  record StepContext(AgentRun run, RunEvents events, Duration limit) {
    /** The inputs and earlier steps' outputs, as templates name them. */
    Map<String, Object> values() {
      return Map.of("inputs", run.inputs(), "steps", run.outputs());
    }

    /** The id of what this step says or calls: run and step, stable across a retry. */
    String callId(Step step) {
      return run.id() + ":" + step.id();
    }
  }

  /** How a step ended: with an output for the steps after it, or paused for a person. */
  sealed interface Outcome {
    /** The step's output, kept as {@code steps.<id>} for later templates. */
    record Done(Object output) implements Outcome {}

    /** The run waits for an answer; {@code title} is what the person is shown first. */
    record Paused(PendingApproval approval, String title) implements Outcome {}
  }

  Outcome execute(S step, StepContext context);
}
