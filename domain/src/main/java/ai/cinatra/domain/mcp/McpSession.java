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
    Instant lastUsedAt,
    Optional<Instant> endedAt) {

  /** Client capabilities this server acts on; others are not remembered. */
  public static final Set<String> KNOWN_CAPABILITIES = Set.of("sampling", "elicitation", "roots");

  public McpSession {
    if (idHash == null || account == null || client == null || protocolVersion == null) {
      throw new InvalidValueException("a session names its account, client and protocol version");
    }
    if (createdAt == null || lastUsedAt == null || endedAt == null || logLevel == null) {
      throw new InvalidValueException("a session has a creation time and a log level");
    }
    clientCapabilities = Set.copyOf(clientCapabilities);
    if (!KNOWN_CAPABILITIES.containsAll(clientCapabilities)) {
      throw new InvalidValueException("unknown client capability in " + clientCapabilities);
    }
  }

  /**
   * A session ends after 30 days without use, never while in use: Claude does not initialize again
   * when told 404 (anthropics/claude-ai-mcp#702), so a session ended by age would break a
   * conversation still going on. Sessions abandoned without DELETE end by this rule, or make room
   * when their account reaches its limit (the least recently used one ends).
   */
  public static final Duration IDLE_LIFETIME = Duration.ofDays(30);

  /**
   * How stale the recorded last use may be: a request records its use only when the record is
   * older, so a busy session costs one write a minute, not one per request.
   */
  public static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

  public boolean isOpenAt(Instant now) {
    return endedAt.isEmpty() && now.isBefore(lastUsedAt.plus(IDLE_LIFETIME));
  }

  /** The earliest last use a session open at {@code now} can have. */
  public static Instant usedAfterForOpenAt(Instant now) {
    return now.minus(IDLE_LIFETIME);
  }

  /** Whether a request at {@code now} should record its use. */
  public boolean shouldRecordUseAt(Instant now) {
    return !now.isBefore(lastUsedAt.plus(USE_RECORDED_EVERY));
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
