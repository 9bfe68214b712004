package ai.cinatra.application.fakes;

import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.port.out.RunEventRepository;
import ai.cinatra.application.port.out.RunRepository;
import ai.cinatra.application.port.out.RunScheduler;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.agent.AgentId;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.RunEvent;
import ai.cinatra.domain.run.RunId;
import ai.cinatra.domain.run.RunStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs, their events and the schedule in memory, for service tests. */
public final class InMemoryRuns implements RunRepository, RunEventRepository, RunScheduler {
  private final Map<RunId, AgentRun> runs = new LinkedHashMap<>();
  private final List<RunEvent> events = new ArrayList<>();
  public final List<RunId> scheduled = new ArrayList<>();

  @Override
  public void add(AgentRun run) {
    if (run.idempotencyKey().isPresent()
        && findByIdempotencyKey(run.startedBy(), run.idempotencyKey().get()).isPresent()) {
      throw new ConflictException("duplicate idempotency key");
    }
    runs.put(run.id(), run);
  }

  @Override
  public Optional<AgentRun> find(RunId id) {
    return Optional.ofNullable(runs.get(id));
  }

  @Override
  public Optional<AgentRun> findByIdempotencyKey(AccountId startedBy, String key) {
    return runs.values().stream()
        .filter(r -> r.startedBy().equals(startedBy) && r.idempotencyKey().equals(Optional.of(key)))
        .findFirst();
  }

  @Override
  public boolean update(AgentRun run, RunStatus expectedStatus, int expectedPosition) {
    AgentRun stored = runs.get(run.id());
    if (stored == null
        || stored.status() != expectedStatus
        || stored.position() != expectedPosition) {
      return false;
    }
    // A stop request, once made, is never lost to a writer that read the run before it.
    AgentRun kept =
        stored.stopRequested() && !run.stopRequested() && !run.status().isTerminal()
            ? new AgentRun(
                run.id(),
                run.agent(),
                run.startedBy(),
                run.status(),
                run.position(),
                run.inputs(),
                run.outputs(),
                run.pendingApproval(),
                run.error(),
                run.idempotencyKey(),
                true,
                run.createdAt(),
                run.startedAt(),
                run.endedAt())
            : run;
    runs.put(run.id(), kept);
    return true;
  }

  @Override
  public List<AgentRun> page(
      Optional<AccountId> startedBy,
      Optional<RunStatus> status,
      Optional<AgentId> agent,
      Optional<PageEnd> after,
      int limit) {
    return runs.values().stream()
        .filter(r -> startedBy.isEmpty() || r.startedBy().equals(startedBy.get()))
        .filter(r -> status.isEmpty() || r.status() == status.get())
        .filter(r -> agent.isEmpty() || r.agent().equals(agent.get()))
        .filter(
            r ->
                after.isEmpty()
                    || r.createdAt().isBefore(after.get().createdAt())
                    || (r.createdAt().equals(after.get().createdAt())
                        && r.id().value().compareTo(after.get().id().value()) > 0))
        .sorted(
            Comparator.comparing(AgentRun::createdAt).reversed().thenComparing(r -> r.id().value()))
        .limit(limit)
        .toList();
  }

  @Override
  public List<RunId> unfinished(int limit) {
    return runs.values().stream()
        .filter(r -> r.status() == RunStatus.QUEUED || r.status() == RunStatus.RUNNING)
        .map(AgentRun::id)
        .limit(limit)
        .toList();
  }

  @Override
  public void append(List<RunEvent> more) {
    events.addAll(more);
  }

  @Override
  public List<RunEvent> after(RunId run, long afterId, int limit) {
    return events.stream()
        .filter(e -> e.run().equals(run) && e.id() > afterId)
        .limit(limit)
        .toList();
  }

  @Override
  public long lastId(RunId run) {
    return events.stream().filter(e -> e.run().equals(run)).mapToLong(RunEvent::id).max().orElse(0);
  }

  @Override
  public void schedule(RunId run) {
    scheduled.add(run);
  }
}
