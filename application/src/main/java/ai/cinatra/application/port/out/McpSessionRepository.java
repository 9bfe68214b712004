package ai.cinatra.application.port.out;

import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.mcp.LogLevel;
import ai.cinatra.domain.mcp.McpSession;
import ai.cinatra.domain.oauth.ClientId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores MCP sessions, so any node behind a load balancer can serve any session. */
public interface McpSessionRepository {
  void add(McpSession session);

  Optional<McpSession> findByHash(String idHash);

  void end(String idHash, Instant at);

  void setLogLevel(String idHash, LogLevel level);

  /** Records that the session was used at {@code at}, which keeps it open longer. */
  void recordUse(String idHash, Instant at);

  /** Sessions of the account not ended and last used after {@code usedAfter}. */
  int countOpen(AccountId account, Instant usedAfter);

  /** The same sessions as {@link #countOpen}, for telling them something. */
  List<McpSession> listOpen(AccountId account, Instant usedAfter);

  /** Every open session last used after the instant, oldest first, at most {@code limit}. */
  List<McpSession> listAllOpen(Instant usedAfter, int limit);

  /**
   * Ends the account's open session (used after {@code usedAfter}) that was used least recently, to
   * make room for a new one; returns whether there was one.
   */
  boolean endLeastRecentlyUsed(AccountId account, Instant usedAfter, Instant at);

  /** Ends every open session of the client (a disconnect); returns how many. */
  int endAllOfClient(ClientId client, Instant at);
}
