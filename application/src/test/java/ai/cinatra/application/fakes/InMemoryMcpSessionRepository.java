package ai.cinatra.application.fakes;

import ai.cinatra.application.port.out.McpSessionRepository;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.mcp.LogLevel;
import ai.cinatra.domain.mcp.McpSession;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** MCP sessions in a map, for service tests. */
public final class InMemoryMcpSessionRepository implements McpSessionRepository {
  private final Map<String, McpSession> sessions = new LinkedHashMap<>();

  @Override
  public synchronized void add(McpSession session) {
    sessions.put(session.idHash(), session);
  }

  @Override
  public synchronized Optional<McpSession> findByHash(String idHash) {
    return Optional.ofNullable(sessions.get(idHash));
  }

  @Override
  public synchronized void end(String idHash, Instant at) {
    update(
        idHash,
        s -> s.endedAt().isPresent() ? s : copy(s, s.logLevel(), s.lastUsedAt(), Optional.of(at)));
  }

  @Override
  public synchronized void setLogLevel(String idHash, LogLevel level) {
    update(idHash, s -> copy(s, level, s.lastUsedAt(), s.endedAt()));
  }

  @Override
  public synchronized void recordUse(String idHash, Instant at) {
    update(idHash, s -> copy(s, s.logLevel(), at, s.endedAt()));
  }

  @Override
  public synchronized int countOpen(AccountId account, Instant usedAfter) {
    return listOpen(account, usedAfter).size();
  }

  @Override
  public synchronized List<McpSession> listOpen(AccountId account, Instant usedAfter) {
    return sessions.values().stream()
        .filter(s -> s.account().equals(account))
        .filter(s -> s.endedAt().isEmpty() && s.lastUsedAt().isAfter(usedAfter))
        .toList();
  }

  @Override
  public synchronized boolean endLeastRecentlyUsed(
      AccountId account, Instant usedAfter, Instant at) {
    Optional<McpSession> oldest =
        listOpen(account, usedAfter).stream()
            .min(
                java.util.Comparator.comparing(McpSession::lastUsedAt)
                    .thenComparing(McpSession::createdAt));
    oldest.ifPresent(s -> end(s.idHash(), at));
    return oldest.isPresent();
  }

  private void update(String idHash, UnaryOperator<McpSession> change) {
    sessions.computeIfPresent(idHash, (k, s) -> change.apply(s));
  }

  private static McpSession copy(
      McpSession s, LogLevel level, Instant lastUsedAt, Optional<Instant> endedAt) {
    return new McpSession(
        s.idHash(),
        s.account(),
        s.client(),
        s.protocolVersion(),
        s.clientCapabilities(),
        level,
        s.createdAt(),
        lastUsedAt,
        endedAt);
  }

  @Override
  public synchronized List<McpSession> listAllOpen(Instant usedAfter, int limit) {
    return sessions.values().stream()
        .filter(s -> s.endedAt().isEmpty() && s.lastUsedAt().isAfter(usedAfter))
        .sorted(java.util.Comparator.comparing(McpSession::createdAt))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized int endAllOfClient(ai.cinatra.domain.oauth.ClientId client, Instant at) {
    int ended = 0;
    for (var entry : sessions.entrySet()) {
      McpSession s = entry.getValue();
      if (s.client().equals(client) && s.endedAt().isEmpty()) {
        entry.setValue(copy(s, s.logLevel(), s.lastUsedAt(), Optional.of(at)));
        ended++;
      }
    }
    return ended;
  }
}
