package ai.cinatra.application.service;

import ai.cinatra.application.port.in.mcp.McpStreamsUseCase;
import ai.cinatra.application.port.out.CatalogCatchUp;
import ai.cinatra.application.port.out.McpMessageRepository;
import ai.cinatra.application.port.out.McpSessionRepository;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.mcp.McpMessage;
import ai.cinatra.domain.mcp.McpSession;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Stream messages through the store, so that every node can replay and deliver them. */
public final class McpStreamService implements McpStreamsUseCase {
  /** Sessions told of a catalog change at most; past that, clients see it when they list again. */
  static final int MAX_ANNOUNCED = 10_000;

  /** A replay hands out this many messages at a time; the caller asks again for more. */
  static final int REPLAY_BATCH = 200;

  private final McpMessageRepository messages;
  private final McpSessionRepository sessions;
  private final Clock clock;
  private final String toolsChanged;
  private final CatalogCatchUp catalog;

  /**
   * {@code toolsChanged} is the message that tells a client its tool list changed, written in the
   * protocol's wire format by the adapter that speaks it; {@code catalog} is caught up before that
   * message is handed out, because the client lists its tools again as soon as it reads it.
   */
  public McpStreamService(
      McpMessageRepository messages,
      McpSessionRepository sessions,
      Clock clock,
      String toolsChanged,
      CatalogCatchUp catalog) {
    this.messages = messages;
    this.sessions = sessions;
    this.clock = clock;
    this.toolsChanged = toolsChanged;
    this.catalog = catalog;
  }

  @Override
  public McpMessage publish(McpSession session, String stream, String payload, boolean last) {
    return messages.append(
        new McpMessage(0, session.idHash(), stream, payload, last, clock.instant()));
  }

  /**
   * How long a stream's messages are kept for a client resuming with Last-Event-ID: a day, far
   * longer than any client waits before reconnecting.
   */
  static final Duration MESSAGE_RETENTION = Duration.ofHours(24);

  @Override
  public List<McpMessage> replay(McpSession session, String stream, long afterId) {
    List<McpMessage> batch = messages.after(session.idHash(), stream, afterId, REPLAY_BATCH);
    // The change was committed before its announcement was written, so catching up now is enough.
    if (batch.stream().anyMatch(m -> m.payload().equals(toolsChanged))) {
      catalog.catchUp();
    }
    return batch;
  }

  @Override
  public long position(McpSession session, String stream) {
    return messages.lastId(session.idHash(), stream);
  }

  @Override
  public void announceToolsChanged(AccountId account) {
    for (McpSession session :
        sessions.listOpen(account, McpSession.usedAfterForOpenAt(clock.instant()))) {
      publish(session, STANDALONE, toolsChanged, false);
    }
  }

  @Override
  public void announceToolsChangedToEveryone() {
    for (McpSession session :
        sessions.listAllOpen(McpSession.usedAfterForOpenAt(clock.instant()), MAX_ANNOUNCED)) {
      publish(session, STANDALONE, toolsChanged, false);
    }
  }

  @Override
  public boolean isOpen(McpSession session) {
    return sessions
        .findByHash(session.idHash())
        .map(s -> s.isOpenAt(clock.instant()))
        .orElse(false);
  }

  @Override
  public int deleteExpired() {
    return messages.deleteCreatedBefore(clock.instant().minus(MESSAGE_RETENTION));
  }
}
