package ai.cinatra.domain.mcp;

import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.oauth.ClientId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An MCP session (Streamable HTTP), known by the hash of its Mcp-Session-Id and bound to the
 * account and client that opened it: the same id with anyone else's token is not this session.
 */
public record McpSession(
    String idHash,
    AccountId account,
    ClientId client,
    String protocolVersion,
    Instant createdAt,
    Optional<Instant> endedAt) {

  public McpSession {
    if (idHash == null || account == null || client == null || protocolVersion == null) {
      throw new InvalidValueException("a session names its account, client and protocol version");
    }
    if (createdAt == null || endedAt == null) {
      throw new InvalidValueException("a session has a creation time");
    }
  }

  /**
   * A session lives a day at most; a client told 404 simply initializes again (the spec's rule), so
   * sessions that clients abandon without DELETE do not pile up against the per-account limit.
   */
  public static final Duration LIFETIME = Duration.ofHours(24);

  public boolean isOpenAt(Instant now) {
    return endedAt.isEmpty() && now.isBefore(createdAt.plus(LIFETIME));
  }

  /** Whether this session belongs to that account acting through that client. */
  public boolean belongsTo(AccountId account, ClientId client) {
    return this.account.equals(account) && this.client.equals(client);
  }
}
