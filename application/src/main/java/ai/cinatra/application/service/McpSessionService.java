package ai.cinatra.application.service;

import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.port.in.mcp.McpSessionsUseCase;
import ai.cinatra.application.port.out.McpSessionRepository;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.mcp.LogLevel;
import ai.cinatra.domain.mcp.McpSession;
import ai.cinatra.domain.oauth.OpaqueSecret;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * MCP sessions: random ids stored as hashes, bound to account and client, open until 30 days
 * without use, bounded per account — a new one ends the account's least recently used session
 * rather than being refused, so no client can lock an account's other clients out.
 */
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
    Instant now = clock.instant();
    Instant usedAfter = McpSession.usedAfterForOpenAt(now);
    int open = sessions.countOpen(actor.account(), usedAfter);
    for (int over = open - maxOpenPerAccount; over >= 0; over--) {
      if (!sessions.endLeastRecentlyUsed(actor.account(), usedAfter, now)) {
        break;
      }
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
            now,
            now,
            Optional.empty()));
    return id;
  }

  @Override
  public McpSession find(Actor actor, String sessionId) {
    if (sessionId == null || sessionId.isEmpty() || sessionId.length() > 100) {
      throw new NotFoundException("no such session");
    }
    Instant now = clock.instant();
    McpSession session =
        sessions
            .findByHash(OpaqueSecret.hash(sessionId))
            .filter(s -> s.isOpenAt(now))
            .filter(s -> s.belongsTo(actor.account(), actor.client()))
            .orElseThrow(() -> new NotFoundException("no such session; initialize a new one"));
    if (session.shouldRecordUseAt(now)) {
      sessions.recordUse(session.idHash(), now);
    }
    return session;
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
