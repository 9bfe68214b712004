package ai.cinatra.application.fakes;

import ai.cinatra.application.port.out.McpMessageRepository;
import ai.cinatra.domain.mcp.McpMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Stream messages in a list, for service tests. */
public final class InMemoryMcpMessageRepository implements McpMessageRepository {
  private final List<McpMessage> messages = new ArrayList<>();

  @Override
  public synchronized McpMessage append(McpMessage m) {
    McpMessage stored =
        new McpMessage(
            messages.size() + 1L,
            m.sessionHash(),
            m.stream(),
            m.payload(),
            m.last(),
            m.createdAt());
    messages.add(stored);
    return stored;
  }

  @Override
  public synchronized List<McpMessage> after(
      String sessionHash, String stream, long afterId, int limit) {
    return messages.stream()
        .filter(m -> m.sessionHash().equals(sessionHash) && m.stream().equals(stream))
        .filter(m -> m.id() > afterId)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized long lastId(String sessionHash, String stream) {
    return messages.stream()
        .filter(m -> m.sessionHash().equals(sessionHash) && m.stream().equals(stream))
        .mapToLong(McpMessage::id)
        .max()
        .orElse(0);
  }

  @Override
  public synchronized int deleteCreatedBefore(Instant instant) {
    int before = messages.size();
    messages.removeIf(m -> m.createdAt().isBefore(instant));
    return before - messages.size();
  }
}
