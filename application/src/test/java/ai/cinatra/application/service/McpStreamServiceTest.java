package ai.cinatra.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.application.fakes.InMemoryMcpMessageRepository;
import ai.cinatra.application.fakes.InMemoryMcpSessionRepository;
import ai.cinatra.application.fakes.MutableClock;
import ai.cinatra.application.port.in.mcp.McpStreamsUseCase;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.mcp.McpMessage;
import ai.cinatra.domain.mcp.McpSession;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.GrantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class McpStreamServiceTest {
  /** The MCP adapter's words for it; the service stores whatever it is given. */
  private static final String TOOLS_CHANGED = "{\"method\":\"notifications/tools/list_changed\"}";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private final InMemoryMcpSessionRepository sessionStore = new InMemoryMcpSessionRepository();
  private final McpSessionService sessions = new McpSessionService(sessionStore, clock, 10);
  private final AtomicInteger catchUps = new AtomicInteger();
  private final McpStreamService streams =
      new McpStreamService(
          new InMemoryMcpMessageRepository(),
          sessionStore,
          clock,
          TOOLS_CHANGED,
          catchUps::incrementAndGet);
  private final AccountId alice = AccountId.random();

  private Actor actor(AccountId account) {
    return new Actor(
        account,
        new Email("a@b.c"),
        Role.MEMBER,
        new ClientId("mcp_c"),
        GrantId.random(),
        Set.of());
  }

  private McpSession open(AccountId account) {
    return sessions.find(actor(account), sessions.open(actor(account), "2025-11-25", Set.of()));
  }

  @Test
  void replay_returnsTheStreamsMessagesAfterTheGivenId_only() {
    McpSession session = open(alice);
    McpMessage first = streams.publish(session, "p1", "{\"a\":1}", false);
    McpMessage second = streams.publish(session, "p1", "{\"a\":2}", true);
    streams.publish(session, "p2", "{\"b\":1}", false);
    streams.publish(open(alice), "p1", "{\"other\":1}", false);

    assertThat(streams.replay(session, "p1", 0)).containsExactly(first, second);
    assertThat(streams.replay(session, "p1", first.id())).containsExactly(second);
    assertThat(second.eventId()).isEqualTo("p1." + second.id());
    assertThat(second.last()).isTrue();
    assertThat(streams.position(session, "p1")).isEqualTo(second.id());
    assertThat(streams.position(session, "never")).isZero();
  }

  @Test
  void toolsChanged_reachesEveryOpenSessionOfTheAccount_onItsStandaloneStream() {
    McpSession one = open(alice);
    McpSession two = open(alice);
    McpSession bobs = open(AccountId.random());

    streams.announceToolsChanged(alice);

    for (McpSession session : new McpSession[] {one, two}) {
      assertThat(streams.replay(session, McpStreamsUseCase.STANDALONE, 0))
          .singleElement()
          .satisfies(m -> assertThat(m.payload()).contains("notifications/tools/list_changed"));
    }
    assertThat(streams.replay(bobs, McpStreamsUseCase.STANDALONE, 0)).isEmpty();
  }

  @Test
  void handingOutToolsChanged_catchesTheCatalogUpFirst_andOtherMessagesDoNot() {
    McpSession session = open(alice);
    streams.publish(session, McpStreamsUseCase.STANDALONE, "{\"a\":1}", false);
    assertThat(streams.replay(session, McpStreamsUseCase.STANDALONE, 0)).hasSize(1);
    assertThat(catchUps).hasValue(0);

    streams.announceToolsChanged(alice);
    assertThat(streams.replay(session, McpStreamsUseCase.STANDALONE, 0)).hasSize(2);
    assertThat(catchUps).hasValue(1);
  }

  @Test
  void expiredMessages_areDeleted_afterADay() {
    McpSession session = open(alice);
    streams.publish(session, "p1", "{}", false);
    clock.advance(McpStreamService.MESSAGE_RETENTION.plus(Duration.ofSeconds(1)));
    streams.publish(session, "p1", "{}", false);

    assertThat(streams.deleteExpired()).isEqualTo(1);
    assertThat(streams.replay(session, "p1", 0)).hasSize(1);
  }
}
