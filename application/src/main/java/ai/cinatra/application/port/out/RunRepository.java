package ai.cinatra.application.port.out;

import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.agent.AgentId;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.RunId;
import ai.cinatra.domain.run.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores agent runs. */
public interface RunRepository {

  /**
   * Stores a new run.
   *
   * @throws ai.cinatra.application.error.ConflictException when the starter already has a run with
   *     the same idempotency key
   */
  void add(AgentRun run);

  Optional<AgentRun> find(RunId id);

  Optional<AgentRun> findByIdempotencyKey(AccountId startedBy, String key);

  /**
   * Stores the run's new state if the stored one still has {@code expectedStatus} and {@code
   * expectedPosition}.
   *
   * @return false when something else changed it first
   */
  boolean update(AgentRun run, RunStatus expectedStatus, int expectedPosition);

  /** Where a page of runs ended: its last run's creation time and id (ties broken by id). */
  record PageEnd(Instant createdAt, RunId id) {}

  /**
   * Runs newest first (then by id), filtered, after {@code after}; {@code startedBy} empty means
   * everyone's.
   */
  List<AgentRun> page(
      Optional<AccountId> startedBy,
      Optional<RunStatus> status,
      Optional<AgentId> agent,
      Optional<PageEnd> after,
      int limit);

  /** Runs that should be moving (queued or running), for the sweeper that reschedules them. */
  List<RunId> unfinished(int limit);
}
