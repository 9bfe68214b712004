package ai.cinatra.adapters.persistence.cache;

import ai.cinatra.adapters.persistence.cache.AccessCache.Kind;
import ai.cinatra.application.port.out.GrantRepository;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.Grant;
import ai.cinatra.domain.oauth.GrantId;
import java.time.Instant;
import java.util.Optional;

/** Grants read through the {@link AccessCache}; a revocation moves the shared change counter. */
public final class CachedGrantRepository implements GrantRepository {
  private final GrantRepository stored;
  private final AccessCache cache;

  public CachedGrantRepository(GrantRepository stored, AccessCache cache) {
    this.stored = stored;
    this.cache = cache;
  }

  @Override
  public void add(Grant grant) {
    stored.add(grant);
  }

  @Override
  public Optional<Grant> findById(GrantId id) {
    return cache.find(Kind.GRANT, id, stored::findById);
  }

  @Override
  public void revoke(GrantId id, Instant at) {
    stored.revoke(id, at);
    cache.changed();
  }

  @Override
  public int revokeAllOfClient(ClientId client, Instant at) {
    int revoked = stored.revokeAllOfClient(client, at);
    cache.changed();
    return revoked;
  }
}
