package ai.cinatra.adapters.persistence.mcp;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the mcp_messages table. */
@RegisterConstructorMapper(McpMessageDao.MessageRow.class)
public interface McpMessageDao {

  /** A row of mcp_messages. */
  record MessageRow(
      long id,
      String sessionHash,
      String stream,
      String payload,
      boolean last,
      Instant createdAt) {}

  @SqlUpdate(
      "insert into mcp_messages (session_hash, stream, payload, last, created_at) values"
          + " (:sessionHash, :stream, :payload, :last, :createdAt)")
  @GetGeneratedKeys("id")
  long insert(@BindMethods MessageRow row);

  @SqlQuery(
      "select id, session_hash, stream, payload, last, created_at from mcp_messages where"
          + " session_hash = :sessionHash and stream = :stream and id > :afterId order by id"
          + " limit :limit")
  List<MessageRow> after(String sessionHash, String stream, long afterId, int limit);

  @SqlQuery(
      "select coalesce(max(id), 0) from mcp_messages where session_hash = :sessionHash and"
          + " stream = :stream")
  long lastId(String sessionHash, String stream);

  @SqlUpdate("delete from mcp_messages where created_at < :instant")
  int deleteCreatedBefore(Instant instant);
}
