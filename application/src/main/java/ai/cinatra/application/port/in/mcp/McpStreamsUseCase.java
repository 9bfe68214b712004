package ai.cinatra.application.port.in.mcp;

import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.mcp.McpMessage;
import ai.cinatra.domain.mcp.McpSession;
import java.util.List;

/** The messages of a session's streams: published once, replayable from any node. */
public interface McpStreamsUseCase {

  /** The key of the stream a GET on the MCP endpoint opens. */
  String STANDALONE = "g";

  /** Stores a message on one of the session's streams and returns it with its event id. */
  McpMessage publish(McpSession session, String stream, String payload, boolean last);

  /** The stream's messages after {@code afterId}, oldest first, a bounded batch at a time. */
  List<McpMessage> replay(McpSession session, String stream, long afterId);

  /** Where the stream stands now: a reader starting here gets only newer messages. */
  long position(McpSession session, String stream);

  /** Tells every open session of the account, on its standalone stream, that its tools changed. */
  void announceToolsChanged(AccountId account);

  /** Tells every open session that the tool list changed (an agent or connector was added). */
  void announceToolsChangedToEveryone();

  /** Whether the session is still open: a DELETE or a disconnect on any node ends it. */
  boolean isOpen(McpSession session);

  /** Forgets messages older than any session can be; returns how many. */
  int deleteExpired();
}
