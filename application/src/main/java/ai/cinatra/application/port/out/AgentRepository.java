package ai.cinatra.application.port.out;

import ai.cinatra.domain.agent.AgentDefinition;
import ai.cinatra.domain.agent.AgentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores installed agents; installing an id again replaces its definition. */
public interface AgentRepository {

  /** Stores the agent; true when it is new, false when it replaced one. */
  boolean install(AgentDefinition agent, Instant at);

  Optional<AgentDefinition> find(AgentId id);

  /** Agents ordered by id, after {@code afterId} when given, at most {@code limit}. */
  List<AgentDefinition> page(Optional<AgentId> afterId, int limit);
}
