package ai.cinatra.adapters.persistence.agent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the agents table; a definition is its JSON document. */
public interface AgentDao {
  @SqlUpdate(
      "insert into agents (agent_id, definition, installed_at) values (:agentId, :definition,"
          + " :installedAt)")
  void insert(String agentId, String definition, Instant installedAt);

  @SqlUpdate(
      "update agents set definition = :definition, installed_at = :installedAt where agent_id ="
          + " :agentId")
  int update(String agentId, String definition, Instant installedAt);

  @SqlQuery("select definition from agents where agent_id = :agentId")
  Optional<String> find(String agentId);

  @SqlQuery(
      "select definition from agents where agent_id > :afterId order by agent_id limit :limit")
  List<String> page(String afterId, int limit);
}
