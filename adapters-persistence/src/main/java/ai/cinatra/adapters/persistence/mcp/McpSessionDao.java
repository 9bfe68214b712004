package ai.cinatra.adapters.persistence.mcp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the mcp_sessions table. */
@RegisterConstructorMapper(McpSessionDao.SessionRow.class)
public interface McpSessionDao {
  String COLUMNS =
      "id_hash, account_id, client_id, protocol_version, client_capabilities, log_level,"
          + " created_at, last_used_at, ended_at";

  /** A row of mcp_sessions; capabilities are comma-separated. */
  record SessionRow(
      String idHash,
      UUID accountId,
      String clientId,
      String protocolVersion,
      String clientCapabilities,
      String logLevel,
      Instant createdAt,
      Instant lastUsedAt,
      Instant endedAt) {}

  @SqlUpdate(
      "insert into mcp_sessions ("
          + COLUMNS
          + ") values (:idHash, :accountId, :clientId, :protocolVersion, :clientCapabilities,"
          + " :logLevel, :createdAt, :lastUsedAt, :endedAt)")
  void insert(@BindMethods SessionRow row);

  @SqlQuery("select " + COLUMNS + " from mcp_sessions where id_hash = :idHash")
  Optional<SessionRow> find(String idHash);

  @SqlUpdate("update mcp_sessions set ended_at = :at where id_hash = :idHash and ended_at is null")
  void end(String idHash, Instant at);

  @SqlUpdate(
      "update mcp_sessions set ended_at = :at where client_id = :clientId and ended_at is null")
  int endAllOfClient(String clientId, Instant at);

  @SqlUpdate("update mcp_sessions set log_level = :level where id_hash = :idHash")
  void setLogLevel(String idHash, String level);

  @SqlUpdate("update mcp_sessions set last_used_at = :at where id_hash = :idHash")
  void recordUse(String idHash, Instant at);

  @SqlQuery(
      "select count(*) from mcp_sessions where account_id = :accountId and ended_at is null and"
          + " last_used_at > :usedAfter")
  int countOpen(UUID accountId, Instant usedAfter);

  @SqlQuery(
      "select "
          + COLUMNS
          + " from mcp_sessions where account_id = :accountId and ended_at is null and"
          + " last_used_at > :usedAfter")
  List<SessionRow> listOpen(UUID accountId, Instant usedAfter);

  @SqlQuery(
      "select "
          + COLUMNS
          + " from mcp_sessions where ended_at is null and last_used_at > :usedAfter order by"
          + " created_at fetch first :limit rows only")
  List<SessionRow> listAllOpen(Instant usedAfter, int limit);

  @SqlQuery(
      "select id_hash from mcp_sessions where account_id = :accountId and ended_at is null and"
          + " last_used_at > :usedAfter order by last_used_at, created_at fetch first 1 rows only")
  Optional<String> leastRecentlyUsed(UUID accountId, Instant usedAfter);
}
