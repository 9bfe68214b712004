package ai.cinatra.adapters.http.mcp;

import ai.cinatra.application.port.in.mcp.McpStreamsUseCase;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.mcp.McpMessage;
import ai.cinatra.domain.mcp.McpSession;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * MCP streams as a list of what was published, safe to read from the hub's threads, standing in for
 * the database every node shares; a session can be ended as another node would end it.
 */
final class InMemoryStreams implements McpStreamsUseCase {
  final List<McpMessage> published = new CopyOnWriteArrayList<>();
  final Set<String> ended = ConcurrentHashMap.newKeySet();

  @Override
  public synchronized McpMessage publish(
      McpSession session, String stream, String payload, boolean last) {
    McpMessage message =
        new McpMessage(
            published.size() + 1, session.idHash(), stream, payload, last, Instant.EPOCH);
    published.add(message);
    return message;
  }

  @Override
  public List<McpMessage> replay(McpSession session, String stream, long afterId) {
    return published.stream()
        .filter(m -> m.sessionHash().equals(session.idHash()))
        .filter(m -> m.stream().equals(stream) && m.id() > afterId)
        .toList();
  }

  @Override
  public long position(McpSession session, String stream) {
    return published.size();
  }

  @Override
  public void announceToolsChanged(AccountId account) {}

  @Override
  public void announceToolsChangedToEveryone() {}

  @Override
  public boolean isOpen(McpSession session) {
    return !ended.contains(session.idHash());
  }

  @Override
  public int deleteExpired() {
    return 0;
  }
}
