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
    update(idHash, s -> s.endedAt().isPresent() ? s : copy(s, s.logLevel(), Optional.of(at)));
  }

  @Override
  public synchronized void setLogLevel(String idHash, LogLevel level) {
    update(idHash, s -> copy(s, level, s.endedAt()));
  }

  @Override
  public synchronized int countOpen(AccountId account, Instant createdAfter) {
    return listOpen(account, createdAfter).size();
  }

  @Override
  public synchronized List<McpSession> listOpen(AccountId account, Instant createdAfter) {
    return sessions.values().stream()
        .filter(s -> s.account().equals(account))
        .filter(s -> s.endedAt().isEmpty() && s.createdAt().isAfter(createdAfter))
        .toList();
  }

  private void update(String idHash, UnaryOperator<McpSession> change) {
    sessions.computeIfPresent(idHash, (k, s) -> change.apply(s));
  }

  private static McpSession copy(McpSession s, LogLevel level, Optional<Instant> endedAt) {
    return new McpSession(
        s.idHash(),
        s.account(),
        s.client(),
        s.protocolVersion(),
        s.clientCapabilities(),
        level,
        s.createdAt(),
        endedAt);
  }

  @Override
  public synchronized List<McpSession> listAllOpen(Instant createdAfter, int limit) {
    return sessions.values().stream()
        .filter(s -> s.endedAt().isEmpty() && s.createdAt().isAfter(createdAfter))
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
        entry.setValue(
            new McpSession(
                s.idHash(),
                s.account(),
                s.client(),
                s.protocolVersion(),
                s.clientCapabilities(),
                s.logLevel(),
                s.createdAt(),
                java.util.Optional.of(at)));
        ended++;
      }
    }
    return ended;
  }
}
