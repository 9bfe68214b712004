package ai.cinatra.application.service;

import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.port.in.mcp.McpSessionsUseCase;
import ai.cinatra.application.port.out.McpSessionRepository;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.mcp.McpSession;
import ai.cinatra.domain.oauth.OpaqueSecret;
import java.time.Clock;
import java.util.Optional;

/** MCP sessions: random ids stored as hashes, bound to account and client, bounded per account. */
public final class McpSessionService implements McpSessionsUseCase {
  private final McpSessionRepository sessions;
  private final Clock clock;
  private final int maxOpenPerAccount;

  public McpSessionService(McpSessionRepository sessions, Clock clock, int maxOpenPerAccount) {
    this.sessions = sessions;
    this.clock = clock;
    this.maxOpenPerAccount = maxOpenPerAccount;
  }

  @Override
  public String open(Actor actor, String protocolVersion) {
    if (sessions.countOpen(actor.account(), clock.instant().minus(McpSession.LIFETIME))
        >= maxOpenPerAccount) {
      throw new ConflictException(
          "this account has "
              + maxOpenPerAccount
              + " open MCP sessions; end one (DELETE /api/mcp) before opening another");
    }
    String id = OpaqueSecret.generate();
    sessions.add(
        new McpSession(
            OpaqueSecret.hash(id),
            actor.account(),
            actor.client(),
            protocolVersion,
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
}
