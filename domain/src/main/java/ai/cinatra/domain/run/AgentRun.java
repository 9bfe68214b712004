package ai.cinatra.domain.run;

import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.agent.AgentId;
import ai.cinatra.domain.error.InvalidValueException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One run of an agent and its state machine. {@code position} is the index of the next step to run;
 * {@code outputs} holds each finished step's output by step id. Every change returns a new run; a
 * change the state machine does not allow throws {@link IllegalTransitionException}.
 */
public record AgentRun(
    RunId id,
    AgentId agent,
    AccountId startedBy,
    RunStatus status,
    int position,
    Map<String, Object> inputs,
    Map<String, Object> outputs,
    Optional<PendingApproval> pendingApproval,
    Optional<String> error,
    Optional<String> idempotencyKey,
    boolean stopRequested,
    Instant createdAt,
    Optional<Instant> startedAt,
    Optional<Instant> endedAt) {

  public AgentRun {
    if (id == null || agent == null || startedBy == null || status == null || createdAt == null) {
      throw new InvalidValueException("a run names its id, agent, starter, status and creation");
    }
    if (position < 0) {
      throw new InvalidValueException("a run's position is never negative");
    }
    if (pendingApproval.isPresent() != (status == RunStatus.PENDING_APPROVAL)) {
      throw new InvalidValueException(
          "a run has a pending approval exactly while it waits for one");
    }
    if (endedAt.isPresent() != status.isTerminal()) {
      throw new InvalidValueException("a run has an end time exactly when it has ended");
    }
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
  }

  /** A new run, waiting for a worker. */
  public static AgentRun queue(
      RunId id,
      AgentId agent,
      AccountId startedBy,
      Map<String, Object> inputs,
      Optional<String> idempotencyKey,
      Instant now) {
    return new AgentRun(
        id,
        agent,
        startedBy,
        RunStatus.QUEUED,
        0,
        inputs,
        Map.of(),
        Optional.empty(),
        Optional.empty(),
        idempotencyKey,
        false,
        now,
        Optional.empty(),
        Optional.empty());
  }

  /** A worker took the run. */
  public AgentRun start(Instant now) {
    return moveTo(
        RunStatus.RUNNING, position, outputs, Optional.empty(), error, Optional.of(now), null);
  }

  /** The step at the current position finished with this output; the next one is due. */
  public AgentRun stepDone(String stepId, Object output) {
    requireStatus(RunStatus.RUNNING, "finish a step");
    return new AgentRun(
        id,
        agent,
        startedBy,
        status,
        position + 1,
        inputs,
        with(stepId, output),
        pendingApproval,
        error,
        idempotencyKey,
        stopRequested,
        createdAt,
        startedAt,
        endedAt);
  }

  /** The step at the current position waits for a person. */
  public AgentRun pause(PendingApproval approval) {
    return moveTo(
        RunStatus.PENDING_APPROVAL,
        position,
        outputs,
        Optional.of(approval),
        error,
        startedAt,
        null);
  }

  /** A person answered the approval; its answer is the step's output and the next step is due. */
  public AgentRun resume(Object response) {
    return resumeAt(response, position + 1);
  }

  /** As {@link #resume}, continuing at another step (a rejection branch). */
  public AgentRun resumeAt(Object response, int nextPosition) {
    String stepId =
        pendingApproval
            .orElseThrow(() -> new IllegalTransitionException(status, RunStatus.RUNNING))
            .stepId();
    return moveTo(
        RunStatus.RUNNING,
        nextPosition,
        with(stepId, response),
        Optional.empty(),
        error,
        startedAt,
        null);
  }

  /**
   * Where an answered approval takes the run: approved, on to the next step; rejected, to the
   * agent's rejection branch when it has one ({@code onRejectPosition}), else stopped. The answer's
   * values become the approval step's output either way.
   */
  public AgentRun answer(ApprovalAnswer answer, OptionalInt onRejectPosition, Instant now) {
    if (answer.decision() == ApprovalDecision.APPROVE) {
      return resume(answer.values());
    }
    if (onRejectPosition.isPresent()) {
      return resumeAt(answer.values(), onRejectPosition.getAsInt());
    }
    return stop(now);
  }

  public AgentRun complete(Instant now) {
    return moveTo(RunStatus.COMPLETED, position, outputs, Optional.empty(), error, startedAt, now);
  }

  public AgentRun fail(String reason, Instant now) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidValueException("a failed run says why");
    }
    return moveTo(
        RunStatus.FAILED, position, outputs, Optional.empty(), Optional.of(reason), startedAt, now);
  }

  public AgentRun stop(Instant now) {
    return moveTo(RunStatus.STOPPED, position, outputs, Optional.empty(), error, startedAt, now);
  }

  /**
   * Asks the run to stop: a queued or paused run stops at once, a running one once its current step
   * ends (the worker sees the request).
   */
  public AgentRun requestStop(Instant now) {
    if (status != RunStatus.RUNNING) {
      return stop(now); // at once, or refused with why when the run has ended
    }
    requireStatus(RunStatus.RUNNING, "stop");
    return new AgentRun(
        id,
        agent,
        startedBy,
        status,
        position,
        inputs,
        outputs,
        pendingApproval,
        error,
        idempotencyKey,
        true,
        createdAt,
        startedAt,
        endedAt);
  }

  private AgentRun moveTo(
      RunStatus target,
      int newPosition,
      Map<String, Object> newOutputs,
      Optional<PendingApproval> approval,
      Optional<String> newError,
      Optional<Instant> newStartedAt,
      Instant endedNow) {
    if (!status.canBecome(target)) {
      throw new IllegalTransitionException(status, target);
    }
    return new AgentRun(
        id,
        agent,
        startedBy,
        target,
        newPosition,
        inputs,
        newOutputs,
        approval,
        newError,
        idempotencyKey,
        stopRequested,
        createdAt,
        newStartedAt,
        Optional.ofNullable(endedNow));
  }

  private void requireStatus(RunStatus required, String what) {
    if (status != required) {
      throw new InvalidValueException(
          "a "
              + status.wireName()
              + " run cannot "
              + what
              + "; only a "
              + required.wireName()
              + " one can");
    }
  }

  private Map<String, Object> with(String stepId, Object output) {
    Map<String, Object> next = new LinkedHashMap<>(outputs);
    next.put(stepId, output);
    return next;
  }
}
