package ai.cinatra.adapters.persistence.mcp;

import ai.cinatra.application.port.out.McpSessionRepository;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.mcp.LogLevel;
import ai.cinatra.domain.mcp.McpSession;
import ai.cinatra.domain.oauth.ClientId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The McpSessionRepository through JDBI, shared by every node. */
public final class JdbiMcpSessionRepository implements McpSessionRepository {
  private final McpSessionDao dao;
  private final McpSessionRowMapper mapper = McpSessionRowMapper.INSTANCE;

  public JdbiMcpSessionRepository(Jdbi jdbi) {
    this.dao = jdbi.onDemand(McpSessionDao.class);
  }

  @Override
  public void add(McpSession session) {
    dao.insert(mapper.toRow(session));
  }

  @Override
  public Optional<McpSession> findByHash(String idHash) {
    return dao.find(idHash).map(mapper::toSession);
  }

  @Override
  public void end(String idHash, Instant at) {
    dao.end(idHash, at);
  }

  @Override
  public void setLogLevel(String idHash, LogLevel level) {
    dao.setLogLevel(idHash, level.name());
  }

  @Override
  public void recordUse(String idHash, Instant at) {
    dao.recordUse(idHash, at);
  }

  @Override
  public int countOpen(AccountId account, Instant usedAfter) {
    return dao.countOpen(account.value(), usedAfter);
  }

  @Override
  public List<McpSession> listOpen(AccountId account, Instant usedAfter) {
    return dao.listOpen(account.value(), usedAfter).stream().map(mapper::toSession).toList();
  }

  @Override
  public List<McpSession> listAllOpen(Instant usedAfter, int limit) {
    return dao.listAllOpen(usedAfter, limit).stream().map(mapper::toSession).toList();
  }

  @Override
  public boolean endLeastRecentlyUsed(AccountId account, Instant usedAfter, Instant at) {
    Optional<String> oldest = dao.leastRecentlyUsed(account.value(), usedAfter);
    oldest.ifPresent(idHash -> dao.end(idHash, at));
    return oldest.isPresent();
  }

  @Override
  public int endAllOfClient(ClientId client, Instant at) {
    return dao.endAllOfClient(client.value(), at);
  }
}
