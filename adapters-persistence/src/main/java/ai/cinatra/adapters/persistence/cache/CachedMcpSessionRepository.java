package ai.cinatra.adapters.persistence.cache;

import ai.cinatra.adapters.persistence.cache.AccessCache.Kind;
import ai.cinatra.application.port.out.McpSessionRepository;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.mcp.LogLevel;
import ai.cinatra.domain.mcp.McpSession;
import ai.cinatra.domain.oauth.ClientId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * MCP sessions by id hash read through the {@link AccessCache}; ending a session or changing its
 * log level moves the shared change counter, and a recorded use updates this node's copy in place.
 */
public final class CachedMcpSessionRepository implements McpSessionRepository {
  private final McpSessionRepository stored;
  private final AccessCache cache;

  public CachedMcpSessionRepository(McpSessionRepository stored, AccessCache cache) {
    this.stored = stored;
    this.cache = cache;
  }

  @Override
  public void add(McpSession session) {
    stored.add(session);
  }

  @Override
  public Optional<McpSession> findByHash(String idHash) {
    return cache.find(Kind.SESSION, idHash, stored::findByHash);
  }

  @Override
  public void end(String idHash, Instant at) {
    stored.end(idHash, at);
    cache.changed();
  }

  @Override
  public void setLogLevel(String idHash, LogLevel level) {
    stored.setLogLevel(idHash, level);
    cache.changed();
  }

  @Override
  public void recordUse(String idHash, Instant at) {
    stored.recordUse(idHash, at);
    cache.<String, McpSession>replace(
        Kind.SESSION,
        idHash,
        s ->
            new McpSession(
                s.idHash(),
                s.account(),
                s.client(),
                s.protocolVersion(),
                s.clientCapabilities(),
                s.logLevel(),
                s.createdAt(),
                at,
                s.endedAt()));
  }

  @Override
  public int countOpen(AccountId account, Instant usedAfter) {
    return stored.countOpen(account, usedAfter);
  }

  @Override
  public List<McpSession> listOpen(AccountId account, Instant usedAfter) {
    return stored.listOpen(account, usedAfter);
  }

  @Override
  public List<McpSession> listAllOpen(Instant usedAfter, int limit) {
    return stored.listAllOpen(usedAfter, limit);
  }

  @Override
  public boolean endLeastRecentlyUsed(AccountId account, Instant usedAfter, Instant at) {
    boolean ended = stored.endLeastRecentlyUsed(account, usedAfter, at);
    if (ended) {
      cache.changed();
    }
    return ended;
  }

  @Override
  public int endAllOfClient(ClientId client, Instant at) {
    int ended = stored.endAllOfClient(client, at);
    cache.changed();
    return ended;
  }
}
