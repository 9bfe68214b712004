package ai.cinatra.application.port.out;

import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.mcp.McpSession;
import java.time.Instant;
import java.util.Optional;

/** Stores MCP sessions, so any node behind a load balancer can serve any session. */
public interface McpSessionRepository {
  void add(McpSession session);

  Optional<McpSession> findByHash(String idHash);

  void end(String idHash, Instant at);

  /** Sessions of the account not ended and created after {@code createdAfter}. */
  int countOpen(AccountId account, Instant createdAfter);
}
