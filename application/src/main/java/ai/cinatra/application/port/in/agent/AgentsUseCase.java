package ai.cinatra.application.port.in.agent;

import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.agent.AgentDefinition;
import ai.cinatra.domain.agent.AgentId;
import java.util.List;
import java.util.Optional;

/** The installed agents: admins install them, everyone may read them. */
public interface AgentsUseCase {

  /** A page of agents and, when there are more, the cursor for the next page. */
  record AgentPage(List<AgentDefinition> agents, Optional<String> nextCursor) {}

  /** Installs from the command line, as the operator at the machine; true when new. */
  boolean install(AgentDefinition agent);

  /** Installs as an admin; audited. */
  boolean install(Actor actor, AgentDefinition agent);

  AgentPage list(Actor actor, Optional<String> cursor);

  /** Every installed agent, for the server to offer each as a tool at start-up. */
  List<AgentDefinition> installed();

  AgentDefinition source(Actor actor, AgentId id);
}
