package ai.cinatra.adapters.persistence.run;

import ai.cinatra.adapters.persistence.JdbiTransactions;
import ai.cinatra.adapters.persistence.JsonColumns;
import ai.cinatra.adapters.persistence.SqlErrors;
import ai.cinatra.adapters.persistence.run.RunDao.EventRow;
import ai.cinatra.adapters.persistence.run.RunDao.RunRow;
import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.port.out.RunEventRepository;
import ai.cinatra.application.port.out.RunRepository;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.agent.AgentId;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.EventType;
import ai.cinatra.domain.run.PendingApproval;
import ai.cinatra.domain.run.RunEvent;
import ai.cinatra.domain.run.RunId;
import ai.cinatra.domain.run.RunStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Runs and their events through JDBI; documents are stored as JSON text. */
public final class JdbiRunRepository implements RunRepository, RunEventRepository {
  /** After every run: the first page of newest-first runs starts here. */
  private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

  private final Jdbi jdbi;

  public JdbiRunRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void add(AgentRun run) {
    try {
      dao().insert(row(run));
    } catch (UnableToExecuteStatementException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        throw new ConflictException("a run with this idempotency key already exists");
      }
      throw e;
    }
  }

  @Override
  public Optional<AgentRun> find(RunId id) {
    return dao().find(id.value()).map(JdbiRunRepository::run);
  }

  @Override
  public Optional<AgentRun> findByIdempotencyKey(AccountId startedBy, String key) {
    return dao().findByKey(startedBy.value(), key).map(JdbiRunRepository::run);
  }

  @Override
  public boolean update(AgentRun run, RunStatus expectedStatus, int expectedPosition) {
    return dao().update(row(run), expectedStatus.name(), expectedPosition) == 1;
  }

  @Override
  public List<AgentRun> page(
      Optional<AccountId> startedBy,
      Optional<RunStatus> status,
      Optional<AgentId> agent,
      Optional<PageEnd> after,
      int limit) {
    return dao()
        .page(
            startedBy.map(AccountId::value).orElse(null),
            status.map(RunStatus::name).orElse(null),
            agent.map(AgentId::value).orElse(null),
            after.map(PageEnd::createdAt).orElse(END_OF_TIME),
            after.map(e -> e.id().value()).orElse(LAST_ID),
            limit)
        .stream()
        .map(JdbiRunRepository::run)
        .toList();
  }

  /** No id is after this one: with END_OF_TIME, the first page. */
  private static final UUID LAST_ID = new UUID(-1L, -1L);

  @Override
  public List<RunId> unfinished(int limit) {
    return dao().unfinished(limit).stream().map(RunId::new).toList();
  }

  @Override
  public void append(List<RunEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    dao()
        .insertEvents(
            events.stream()
                .map(
                    e ->
                        new EventRow(
                            e.run().value(),
                            e.id(),
                            e.type().name(),
                            JsonColumns.write(e.data()),
                            e.at()))
                .toList());
  }

  @Override
  public List<RunEvent> after(RunId run, long afterId, int limit) {
    return dao().events(run.value(), afterId, limit).stream()
        .map(
            r ->
                new RunEvent(
                    new RunId(r.runId()),
                    r.id(),
                    EventType.valueOf(r.type()),
                    JsonColumns.read(r.data()),
                    r.at()))
        .toList();
  }

  @Override
  public long lastId(RunId run) {
    return dao().lastEventId(run.value());
  }

  private RunDao dao() {
    return JdbiTransactions.dao(jdbi, RunDao.class);
  }

  private static RunRow row(AgentRun r) {
    return new RunRow(
        r.id().value(),
        r.agent().value(),
        r.startedBy().value(),
        r.status().name(),
        r.position(),
        JsonColumns.write(r.inputs()),
        JsonColumns.write(r.outputs()),
        r.pendingApproval().map(JdbiRunRepository::approval).orElse(null),
        r.error().map(e -> e.length() > 2000 ? e.substring(0, 2000) : e).orElse(null),
        r.idempotencyKey().orElse(null),
        r.stopRequested(),
        r.createdAt(),
        r.startedAt().orElse(null),
        r.endedAt().orElse(null));
  }

  private static String approval(PendingApproval p) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("stepId", p.stepId());
    document.put("screen", p.screen());
    document.put("proposed", p.proposed());
    return JsonColumns.write(document);
  }

  @SuppressWarnings("unchecked")
  private static AgentRun run(RunRow r) {
    Optional<PendingApproval> approval =
        Optional.ofNullable(r.pendingApproval())
            .map(JsonColumns::read)
            .map(
                d ->
                    new PendingApproval(
                        (String) d.get("stepId"),
                        (Map<String, Object>) d.get("screen"),
                        (Map<String, Object>) d.get("proposed")));
    return new AgentRun(
        new RunId(r.id()),
        new AgentId(r.agentId()),
        new AccountId(r.startedBy()),
        RunStatus.valueOf(r.status()),
        r.position(),
        JsonColumns.read(r.inputs()),
        JsonColumns.read(r.outputs()),
        approval,
        Optional.ofNullable(r.error()),
        Optional.ofNullable(r.idempotencyKey()),
        r.stopRequested(),
        r.createdAt(),
        Optional.ofNullable(r.startedAt()),
        Optional.ofNullable(r.endedAt()));
  }
}
