package ai.cinatra.application.service;

import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.port.in.mcp.McpSessionsUseCase;
import ai.cinatra.application.port.out.McpSessionRepository;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.mcp.LogLevel;
import ai.cinatra.domain.mcp.McpSession;
import ai.cinatra.domain.oauth.OpaqueSecret;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** MCP sessions: random ids stored as hashes, bound to account and client, bounded per account. */
public final class McpSessionService implements McpSessionsUseCase {
  /** What a session reports until its client asks for another level. */
  static final LogLevel DEFAULT_LOG_LEVEL = LogLevel.INFO;

  private final McpSessionRepository sessions;
  private final Clock clock;
  private final int maxOpenPerAccount;

  public McpSessionService(McpSessionRepository sessions, Clock clock, int maxOpenPerAccount) {
    if (maxOpenPerAccount < 1) {
      throw new IllegalArgumentException("an account may open at least one session");
    }
    this.sessions = sessions;
    this.clock = clock;
    this.maxOpenPerAccount = maxOpenPerAccount;
  }

  @Override
  public String open(Actor actor, String protocolVersion, Set<String> clientCapabilities) {
    if (sessions.countOpen(actor.account(), clock.instant().minus(McpSession.LIFETIME))
        >= maxOpenPerAccount) {
      throw new ConflictException(
          "this account has "
              + maxOpenPerAccount
              + " open MCP sessions; end one (DELETE /api/mcp) before opening another");
    }
    Set<String> known = new HashSet<>(clientCapabilities);
    known.retainAll(McpSession.KNOWN_CAPABILITIES);
    String id = OpaqueSecret.generate();
    sessions.add(
        new McpSession(
            OpaqueSecret.hash(id),
            actor.account(),
            actor.client(),
            protocolVersion,
            known,
            DEFAULT_LOG_LEVEL,
            clock.instant(),
            Optional.empty()));
    return id;
  }

  @Override
  public McpSession find(Actor actor, String sessionId) {
    if (sessionId == null || sessionId.isEmpty() || sessionId.length() > 100) {
      throw new NotFoundException("no such session");
    }
    return sessions
        .findByHash(OpaqueSecret.hash(sessionId))
        .filter(s -> s.isOpenAt(clock.instant()))
        .filter(s -> s.belongsTo(actor.account(), actor.client()))
        .orElseThrow(() -> new NotFoundException("no such session; initialize a new one"));
  }

  @Override
  public void end(Actor actor, String sessionId) {
    sessions.end(find(actor, sessionId).idHash(), clock.instant());
  }

  @Override
  public void setLogLevel(McpSession session, LogLevel level) {
    sessions.setLogLevel(session.idHash(), level);
  }
}
