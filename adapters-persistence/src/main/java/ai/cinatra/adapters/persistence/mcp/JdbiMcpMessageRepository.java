package ai.cinatra.adapters.persistence.mcp;

import ai.cinatra.adapters.persistence.mcp.McpMessageDao.MessageRow;
import ai.cinatra.application.port.out.McpMessageRepository;
import ai.cinatra.domain.mcp.McpMessage;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The McpMessageRepository through JDBI: the database's identity column orders messages. */
public final class JdbiMcpMessageRepository implements McpMessageRepository {
  private final McpMessageDao dao;

  public JdbiMcpMessageRepository(Jdbi jdbi) {
    this.dao = jdbi.onDemand(McpMessageDao.class);
  }

  @Override
  public McpMessage append(McpMessage m) {
    long id =
        dao.insert(
            new MessageRow(0, m.sessionHash(), m.stream(), m.payload(), m.last(), m.createdAt()));
    return new McpMessage(id, m.sessionHash(), m.stream(), m.payload(), m.last(), m.createdAt());
  }

  @Override
  public List<McpMessage> after(String sessionHash, String stream, long afterId, int limit) {
    return dao.after(sessionHash, stream, afterId, limit).stream()
        .map(
            r ->
                new McpMessage(
                    r.id(), r.sessionHash(), r.stream(), r.payload(), r.last(), r.createdAt()))
        .toList();
  }

  @Override
  public long lastId(String sessionHash, String stream) {
    return dao.lastId(sessionHash, stream);
  }

  @Override
  public int deleteCreatedBefore(Instant instant) {
    return dao.deleteCreatedBefore(instant);
  }
}
