package ai.cinatra.domain.mcp;

import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.oauth.ClientId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * An MCP session (Streamable HTTP), known by the hash of its Mcp-Session-Id and bound to the
 * account and client that opened it: the same id with anyone else's token is not this session. It
 * remembers what the client said it can do at initialize and the log level it asked for, so every
 * node serving the session behaves alike.
 */
public record McpSession(
    String idHash,
    AccountId account,
    ClientId client,
    String protocolVersion,
    Set<String> clientCapabilities,
    LogLevel logLevel,
    Instant createdAt,
    Optional<Instant> endedAt) {

  /** Client capabilities this server acts on; others are not remembered. */
  public static final Set<String> KNOWN_CAPABILITIES = Set.of("sampling", "elicitation", "roots");

  public McpSession {
    if (idHash == null || account == null || client == null || protocolVersion == null) {
      throw new InvalidValueException("a session names its account, client and protocol version");
    }
    if (createdAt == null || endedAt == null || logLevel == null) {
      throw new InvalidValueException("a session has a creation time and a log level");
    }
    clientCapabilities = Set.copyOf(clientCapabilities);
    if (!KNOWN_CAPABILITIES.containsAll(clientCapabilities)) {
      throw new InvalidValueException("unknown client capability in " + clientCapabilities);
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

  /** Whether the client said at initialize that it answers this kind of server request. */
  public boolean clientCan(String capability) {
    return clientCapabilities.contains(capability);
  }
}
