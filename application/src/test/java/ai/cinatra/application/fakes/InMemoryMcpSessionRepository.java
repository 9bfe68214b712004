package ai.cinatra.application.fakes;

import ai.cinatra.application.port.out.McpSessionRepository;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.mcp.McpSession;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
    sessions.computeIfPresent(
        idHash,
        (k, s) ->
            s.endedAt().isPresent()
                ? s
                : new McpSession(
                    s.idHash(),
                    s.account(),
                    s.client(),
                    s.protocolVersion(),
                    s.createdAt(),
                    Optional.of(at)));
  }

  @Override
  public synchronized int countOpen(AccountId account, Instant createdAfter) {
    return (int)
        sessions.values().stream()
            .filter(s -> s.account().equals(account))
            .filter(s -> s.endedAt().isEmpty() && s.createdAt().isAfter(createdAfter))
            .count();
  }
}
