package ai.cinatra.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.fakes.InMemoryMcpSessionRepository;
import ai.cinatra.application.fakes.MutableClock;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.mcp.LogLevel;
import ai.cinatra.domain.mcp.McpSession;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.GrantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class McpSessionServiceTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private final McpSessionService sessions =
      new McpSessionService(new InMemoryMcpSessionRepository(), clock, 3);

  private static Actor actor(AccountId account, String client) {
    return new Actor(
        account, new Email("a@b.c"), Role.MEMBER, new ClientId(client), GrantId.random(), Set.of());
  }

  private final AccountId alice = AccountId.random();

  @Test
  void openedSession_isFoundByItsOwnerOnly() {
    String id = sessions.open(actor(alice, "mcp_claude"), "2025-11-25", Set.of("sampling"));

    assertThat(sessions.find(actor(alice, "mcp_claude"), id).protocolVersion())
        .isEqualTo("2025-11-25");
    assertThatThrownBy(() -> sessions.find(actor(AccountId.random(), "mcp_claude"), id))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> sessions.find(actor(alice, "mcp_other"), id))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> sessions.find(actor(alice, "mcp_claude"), "x".repeat(101)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void endedSession_isGone_andOthersCannotEndIt() {
    String id = sessions.open(actor(alice, "mcp_claude"), "2025-11-25", Set.of("sampling"));

    assertThatThrownBy(() -> sessions.end(actor(AccountId.random(), "mcp_claude"), id))
        .isInstanceOf(NotFoundException.class);
    sessions.end(actor(alice, "mcp_claude"), id);

    assertThatThrownBy(() -> sessions.find(actor(alice, "mcp_claude"), id))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void perAccountLimit_endsTheLeastRecentlyUsedSession_notAnotherAccountsNorTheNewOne() {
    String first = sessions.open(actor(alice, "mcp_claude"), "2025-11-25", Set.of("sampling"));
    clock.advance(Duration.ofMinutes(2));
    String second = sessions.open(actor(alice, "mcp_other"), "2025-11-25", Set.of());
    clock.advance(Duration.ofMinutes(2));
    String third = sessions.open(actor(alice, "mcp_claude"), "2025-11-25", Set.of());
    String bobs = sessions.open(actor(AccountId.random(), "mcp_claude"), "2025-11-25", Set.of());
    clock.advance(Duration.ofMinutes(2));
    sessions.find(actor(alice, "mcp_claude"), first); // the oldest is now the most recently used

    String fourth = sessions.open(actor(alice, "mcp_claude"), "2025-11-25", Set.of());

    assertThatThrownBy(() -> sessions.find(actor(alice, "mcp_other"), second))
        .isInstanceOf(NotFoundException.class);
    assertThat(sessions.find(actor(alice, "mcp_claude"), first)).isNotNull();
    assertThat(sessions.find(actor(alice, "mcp_claude"), third)).isNotNull();
    assertThat(sessions.find(actor(alice, "mcp_claude"), fourth)).isNotNull();
    assertThat(bobs).isNotNull();
  }

  @Test
  void sessionsEndAfter30DaysWithoutUse_notWhileInUse() {
    String used = sessions.open(actor(alice, "mcp_claude"), "2025-11-25", Set.of("sampling"));
    String idle = sessions.open(actor(alice, "mcp_claude"), "2025-11-25", Set.of("sampling"));

    for (int day = 0; day < 40; day += 10) {
      clock.advance(Duration.ofDays(10));
      assertThat(sessions.find(actor(alice, "mcp_claude"), used)).isNotNull();
    }
    assertThatThrownBy(() -> sessions.find(actor(alice, "mcp_claude"), idle))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void idleSession_worksAt29Days_andIsGoneAt31() {
    String id = sessions.open(actor(alice, "mcp_claude"), "2025-11-25", Set.of("sampling"));
    String other = sessions.open(actor(alice, "mcp_claude"), "2025-11-25", Set.of("sampling"));

    clock.advance(Duration.ofDays(29));
    assertThat(sessions.find(actor(alice, "mcp_claude"), id)).isNotNull();
    clock.advance(Duration.ofDays(2)); // other was last used 31 days ago
    assertThatThrownBy(() -> sessions.find(actor(alice, "mcp_claude"), other))
        .isInstanceOf(NotFoundException.class);
    clock.advance(McpSession.IDLE_LIFETIME.minus(Duration.ofDays(2)).plusSeconds(1));
    assertThatThrownBy(() -> sessions.find(actor(alice, "mcp_claude"), id))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void session_remembersKnownClientCapabilitiesOnly_andItsLogLevel() {
    String id =
        sessions.open(
            actor(alice, "mcp_claude"), "2025-11-25", Set.of("elicitation", "teleportation"));
    McpSession session = sessions.find(actor(alice, "mcp_claude"), id);
    assertThat(session.clientCapabilities()).containsExactly("elicitation");
    assertThat(session.clientCan("sampling")).isFalse();
    assertThat(session.logLevel()).isEqualTo(LogLevel.INFO);

    sessions.setLogLevel(session, LogLevel.DEBUG);
    assertThat(sessions.find(actor(alice, "mcp_claude"), id).logLevel()).isEqualTo(LogLevel.DEBUG);
  }
}
