package ai.cinatra.adapters.persistence.cache;

import ai.cinatra.adapters.persistence.cache.AccessCache.Kind;
import ai.cinatra.application.port.out.AgentRepository;
import ai.cinatra.domain.agent.AgentDefinition;
import ai.cinatra.domain.agent.AgentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Installed agents read through the {@link AccessCache} (every tools/list reads them all); an
 * install moves the shared change counter, so every node lists the new tool within a second.
 */
public final class CachedAgentRepository implements AgentRepository {
  private final AgentRepository stored;
  private final AccessCache cache;

  private record Page(Optional<AgentId> afterId, int limit) {}

  public CachedAgentRepository(AgentRepository stored, AccessCache cache) {
    this.stored = stored;
    this.cache = cache;
  }

  @Override
  public boolean install(AgentDefinition agent, Instant at) {
    boolean installed = stored.install(agent, at);
    cache.changed();
    return installed;
  }

  @Override
  public Optional<AgentDefinition> find(AgentId id) {
    return cache.find(Kind.CATALOG, id, stored::find);
  }

  @Override
  public List<AgentDefinition> page(Optional<AgentId> afterId, int limit) {
    return cache
        .find(
            Kind.CATALOG,
            new Page(afterId, limit),
            page -> Optional.of(List.copyOf(stored.page(page.afterId(), page.limit()))))
        .orElseThrow();
  }
}
