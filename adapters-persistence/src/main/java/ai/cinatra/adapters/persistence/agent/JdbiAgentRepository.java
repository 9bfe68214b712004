package ai.cinatra.adapters.persistence.agent;

import ai.cinatra.adapters.persistence.JdbiTransactions;
import ai.cinatra.adapters.persistence.JsonColumns;
import ai.cinatra.application.port.out.AgentRepository;
import ai.cinatra.domain.agent.AgentDefinition;
import ai.cinatra.domain.agent.AgentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The AgentRepository through JDBI: the definition document is stored and parsed on read. */
public final class JdbiAgentRepository implements AgentRepository {
  private final Jdbi jdbi;

  public JdbiAgentRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public boolean install(AgentDefinition agent, Instant at) {
    String document = JsonColumns.write(agent.document());
    return JdbiTransactions.inOne(
        jdbi,
        () -> {
          if (dao().update(agent.id().value(), document, at) == 1) {
            return false;
          }
          dao().insert(agent.id().value(), document, at);
          return true;
        });
  }

  @Override
  public Optional<AgentDefinition> find(AgentId id) {
    return dao().find(id.value()).map(d -> AgentDefinition.parse(JsonColumns.read(d)));
  }

  @Override
  public List<AgentDefinition> page(Optional<AgentId> afterId, int limit) {
    return dao().page(afterId.map(AgentId::value).orElse(""), limit).stream()
        .map(d -> AgentDefinition.parse(JsonColumns.read(d)))
        .toList();
  }

  private AgentDao dao() {
    return JdbiTransactions.dao(jdbi, AgentDao.class);
  }
}
