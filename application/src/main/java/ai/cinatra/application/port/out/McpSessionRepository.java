package ai.cinatra.application.port.out;

import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.mcp.LogLevel;
import ai.cinatra.domain.mcp.McpSession;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores MCP sessions, so any node behind a load balancer can serve any session. */
public interface McpSessionRepository {
  void add(McpSession session);

  Optional<McpSession> findByHash(String idHash);

  void end(String idHash, Instant at);

  void setLogLevel(String idHash, LogLevel level);

  /** Sessions of the account not ended and created after {@code createdAfter}. */
  int countOpen(AccountId account, Instant createdAfter);

  /** The same sessions as {@link #countOpen}, for telling them something. */
  List<McpSession> listOpen(AccountId account, Instant createdAfter);

  /** Every open session created after the instant, oldest first, at most {@code limit}. */
  List<McpSession> listAllOpen(Instant createdAfter, int limit);

  /** Ends every open session of the client (a disconnect); returns how many. */
  int endAllOfClient(ai.cinatra.domain.oauth.ClientId client, Instant at);
}
