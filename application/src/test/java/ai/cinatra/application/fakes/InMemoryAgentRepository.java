package ai.cinatra.application.fakes;

import ai.cinatra.application.port.out.AgentRepository;
import ai.cinatra.domain.agent.AgentDefinition;
import ai.cinatra.domain.agent.AgentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Agents in a sorted map, for service tests. */
public final class InMemoryAgentRepository implements AgentRepository {
  private final TreeMap<String, AgentDefinition> agents = new TreeMap<>();

  @Override
  public boolean install(AgentDefinition agent, Instant at) {
    return agents.put(agent.id().value(), agent) == null;
  }

  @Override
  public Optional<AgentDefinition> find(AgentId id) {
    return Optional.ofNullable(agents.get(id.value()));
  }

  @Override
  public List<AgentDefinition> page(Optional<AgentId> afterId, int limit) {
    return (afterId.isPresent() ? agents.tailMap(afterId.get().value(), false) : agents)
        .values().stream().limit(limit).toList();
  }
}
