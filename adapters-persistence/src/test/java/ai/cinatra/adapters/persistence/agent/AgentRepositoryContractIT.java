package ai.cinatra.adapters.persistence.agent;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.persistence.Store;
import ai.cinatra.adapters.persistence.TestDatabase;
import ai.cinatra.application.fakes.InMemoryAgentRepository;
import ai.cinatra.application.port.out.AgentRepository;
import ai.cinatra.domain.agent.AgentDefinition;
import ai.cinatra.domain.agent.AgentId;
import ai.cinatra.domain.agent.MessageStep;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The AgentRepository contract, run against the in-memory fake, H2 and the real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Store.class)
class AgentRepositoryContractIT {
  private static final Instant T0 = Instant.parse("2026-11-29T10:15:30Z");

  @Parameter Store store;

  private Optional<TestDatabase> database;
  private AgentRepository agents;

  @BeforeEach
  void openDatabase() {
    database = store.open();
    agents =
        database
            .<AgentRepository>map(d -> new JdbiAgentRepository(d.jdbi()))
            .orElseGet(InMemoryAgentRepository::new);
  }

  @AfterEach
  void dropDatabase() {
    database.ifPresent(TestDatabase::close);
  }

  private static AgentDefinition agent(String id, String text) {
    return AgentDefinition.parse(
        Map.of(
            "agentId",
            id,
            "name",
            "Agent " + id,
            "steps",
            List.of(Map.of("id", "hi", "kind", "message", "text", text))));
  }

  @Test
  void install_storesTheDocument_andInstallingAgainReplacesIt() {
    assertThat(agents.install(agent("writer", "one"), T0)).isTrue();
    assertThat(agents.install(agent("writer", "two"), T0)).isFalse();
    AgentDefinition stored = agents.find(new AgentId("writer")).orElseThrow();
    assertThat(stored.steps().get(0)).isInstanceOf(MessageStep.class);
    assertThat(((MessageStep) stored.steps().get(0)).text()).isEqualTo("two");
    assertThat(agents.find(new AgentId("other"))).isEmpty();
  }

  @Test
  void page_ordersById_afterAnId() {
    for (String id : List.of("c", "a", "b")) {
      agents.install(agent(id, "x"), T0);
    }
    assertThat(agents.page(Optional.empty(), 10))
        .extracting(a -> a.id().value())
        .containsExactly("a", "b", "c");
    assertThat(agents.page(Optional.of(new AgentId("a")), 1))
        .extracting(a -> a.id().value())
        .containsExactly("b");
  }
}
