package ai.cinatra.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.application.error.ForbiddenException;
import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.fakes.Actors;
import ai.cinatra.application.fakes.DirectTransactions;
import ai.cinatra.application.fakes.InMemoryAgentRepository;
import ai.cinatra.application.fakes.InMemoryWorkspace;
import ai.cinatra.application.fakes.MutableClock;
import ai.cinatra.application.port.in.agent.AgentsUseCase.AgentPage;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.agent.AgentDefinition;
import ai.cinatra.domain.agent.AgentId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentServiceTest {
  private final InMemoryWorkspace audit = new InMemoryWorkspace();
  private int catalogChanges;
  private final AgentService agents =
      new AgentService(
          new InMemoryAgentRepository(),
          audit,
          new DirectTransactions(),
          () -> catalogChanges++,
          new MutableClock(Instant.parse("2026-11-29T10:00:00Z")));

  private static Actor actor(Role role) {
    return Actors.of(role);
  }

  private static AgentDefinition agent(String id) {
    return AgentDefinition.parse(
        Map.of(
            "agentId",
            id,
            "name",
            "Agent " + id,
            "steps",
            List.of(Map.of("id", "hi", "kind", "message", "text", "hello"))));
  }

  @Test
  void adminsInstall_othersAreRefused_andBothAreAudited() {
    assertThat(agents.install(actor(Role.ADMIN), agent("a"))).isTrue();
    assertThat(agents.install(actor(Role.ADMIN), agent("a"))).isFalse();
    assertThatThrownBy(() -> agents.install(actor(Role.MEMBER), agent("b")))
        .isInstanceOf(ForbiddenException.class);
    assertThat(audit.audit)
        .extracting(e -> e.action() + ":" + e.outcome())
        .containsExactly("agents_install:ok", "agents_install:ok", "agents_install:refused");
    assertThat(catalogChanges)
        .as("connected clients are told twice, not for the refusal")
        .isEqualTo(2);
  }

  @Test
  void everyone_listsInPages_andReadsTheSource() {
    for (int i = 0; i < 60; i++) {
      agents.install(agent(String.format("agent-%02d", i)));
    }
    List<String> seen = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      AgentPage page = agents.list(actor(Role.VIEWER), cursor);
      page.agents().forEach(a -> seen.add(a.id().value()));
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    assertThat(seen).hasSize(60).isSorted();
    assertThat(agents.source(actor(Role.VIEWER), new AgentId("agent-07")).name())
        .isEqualTo("Agent agent-07");
    assertThatThrownBy(() -> agents.source(actor(Role.VIEWER), new AgentId("nope")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> agents.list(actor(Role.VIEWER), Optional.of("Bad Cursor")))
        .isInstanceOf(InvalidInputException.class);
  }
}
