package ai.cinatra.adapters.persistence.run;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the runs and run_events tables. */
@RegisterConstructorMapper(RunDao.RunRow.class)
@RegisterConstructorMapper(RunDao.EventRow.class)
public interface RunDao {
  String COLUMNS =
      "id, agent_id, started_by, status, position, inputs, outputs, pending_approval, error,"
          + " idempotency_key, stop_requested, created_at, started_at, ended_at";

  /** A row of runs; inputs, outputs and the pending approval are JSON text. */
  record RunRow(
      UUID id,
      String agentId,
      UUID startedBy,
      String status,
      int position,
      String inputs,
      String outputs,
      String pendingApproval,
      String error,
      String idempotencyKey,
      boolean stopRequested,
      Instant createdAt,
      Instant startedAt,
      Instant endedAt) {}

  /** A row of run_events; data is JSON text. */
  record EventRow(UUID runId, long id, String type, String data, Instant at) {}

  @SqlUpdate(
      "insert into runs ("
          + COLUMNS
          + ") values (:id, :agentId, :startedBy, :status, :position, :inputs, :outputs,"
          + " :pendingApproval, :error, :idempotencyKey, :stopRequested, :createdAt, :startedAt,"
          + " :endedAt)")
  void insert(@BindMethods RunRow row);

  @SqlQuery("select " + COLUMNS + " from runs where id = :id")
  Optional<RunRow> find(UUID id);

  @SqlQuery(
      "select " + COLUMNS + " from runs where started_by = :startedBy and idempotency_key = :key")
  Optional<RunRow> findByKey(UUID startedBy, String key);

  /** A stop request, once stored, survives a writer that read the run before it. */
  @SqlUpdate(
      "update runs set status = :status, position = :position, outputs = :outputs,"
          + " pending_approval = :pendingApproval, error = :error,"
          + " stop_requested = (stop_requested or :stopRequested), started_at = :startedAt,"
          + " ended_at = :endedAt where id = :id and status = :expectedStatus and position ="
          + " :expectedPosition")
  int update(@BindMethods RunRow row, String expectedStatus, int expectedPosition);

  @SqlQuery(
      "select "
          + COLUMNS
          + " from runs where (cast(:startedBy as uuid) is null or started_by = cast(:startedBy"
          + " as uuid)) and (cast(:status as varchar(20)) is null or status = :status) and"
          + " (cast(:agentId as varchar(63)) is null or agent_id = :agentId) and (created_at <"
          + " :before or (created_at = :before and id > :afterId)) order by created_at desc, id"
          + " limit :limit")
  List<RunRow> page(
      UUID startedBy, String status, String agentId, Instant before, UUID afterId, int limit);

  @SqlQuery("select id from runs where status in ('QUEUED', 'RUNNING') limit :limit")
  List<UUID> unfinished(int limit);

  /** One round trip for a step's events (a JDBC batch). */
  @SqlBatch(
      "insert into run_events (run_id, id, type, data, at) values (:runId, :id, :type, :data,"
          + " :at)")
  void insertEvents(@BindMethods List<EventRow> rows);

  @SqlQuery(
      "select run_id, id, type, data, at from run_events where run_id = :runId and id > :afterId"
          + " order by id limit :limit")
  List<EventRow> events(UUID runId, long afterId, int limit);

  @SqlQuery("select coalesce(max(id), 0) from run_events where run_id = :runId")
  long lastEventId(UUID runId);
}
