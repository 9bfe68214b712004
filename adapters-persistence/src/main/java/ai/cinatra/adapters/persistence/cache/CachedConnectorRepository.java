package ai.cinatra.adapters.persistence.cache;

import ai.cinatra.adapters.persistence.cache.AccessCache.Kind;
import ai.cinatra.application.port.out.ConnectorRepository;
import ai.cinatra.domain.connector.Connector;
import java.util.List;
import java.util.Optional;

/**
 * Configured connectors read through the {@link AccessCache} (every tools/list reads them all); a
 * change moves the shared change counter, so every node uses it within a second.
 */
public final class CachedConnectorRepository implements ConnectorRepository {
  private static final String ALL = "connectors";

  private final ConnectorRepository stored;
  private final AccessCache cache;

  private record Named(String name) {}

  public CachedConnectorRepository(ConnectorRepository stored, AccessCache cache) {
    this.stored = stored;
    this.cache = cache;
  }

  @Override
  public void save(Connector connector) {
    stored.save(connector);
    cache.changed();
  }

  @Override
  public Optional<Connector> find(String name) {
    return cache.find(Kind.CATALOG, new Named(name), named -> stored.find(named.name()));
  }

  @Override
  public List<Connector> list() {
    return cache
        .find(Kind.CATALOG, ALL, all -> Optional.of(List.copyOf(stored.list())))
        .orElseThrow();
  }
}
