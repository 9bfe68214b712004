package ai.cinatra.application.port.in.mcp;

import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.mcp.LogLevel;
import ai.cinatra.domain.mcp.McpSession;
import java.util.Set;

/** Opens, finds and ends MCP sessions, each bound to the actor that opened it. */
public interface McpSessionsUseCase {

  /**
   * Opens a session and returns its id, handed out once. When the account already has its limit of
   * open sessions, its least recently used one ends.
   *
   * @param clientCapabilities what the client said at initialize it can answer; unknown ones are
   *     dropped
   */
  String open(Actor actor, String protocolVersion, Set<String> clientCapabilities);

  /**
   * The open session with this id, if it is this actor's.
   *
   * @throws ai.cinatra.application.error.NotFoundException otherwise: unknown, ended, or someone
   *     else's, told apart for nobody
   */
  McpSession find(Actor actor, String sessionId);

  /** Ends the actor's session; someone else's or an unknown one is not found. */
  void end(Actor actor, String sessionId);

  /** The least severe log message the session's client wants from now on. */
  void setLogLevel(McpSession session, LogLevel level);
}
