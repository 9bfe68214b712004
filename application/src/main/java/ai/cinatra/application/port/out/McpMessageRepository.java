package ai.cinatra.application.port.out;

import ai.cinatra.domain.mcp.McpMessage;
import java.time.Instant;
import java.util.List;

/** Stores the messages of MCP streams, so a reconnect on any node replays what it missed. */
public interface McpMessageRepository {

  /** Stores the message and returns it with its id, greater than every id stored before. */
  McpMessage append(McpMessage message);

  /** The stream's messages with an id above {@code afterId}, in order, at most {@code limit}. */
  List<McpMessage> after(String sessionHash, String stream, long afterId, int limit);

  /** The id of the stream's newest message, 0 when it has none. */
  long lastId(String sessionHash, String stream);

  /** Deletes messages created before {@code instant}; returns how many. */
  int deleteCreatedBefore(Instant instant);
}
