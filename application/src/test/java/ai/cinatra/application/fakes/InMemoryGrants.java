package ai.cinatra.application.fakes;

import ai.cinatra.application.port.out.GrantRepository;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.Grant;
import ai.cinatra.domain.oauth.GrantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Grants in a map; revoking stamps the time, as the database does. */
public final class InMemoryGrants implements GrantRepository {
  private final Map<GrantId, Grant> grants = new LinkedHashMap<>();

  @Override
  public synchronized void add(Grant grant) {
    grants.put(grant.id(), grant);
  }

  @Override
  public synchronized Optional<Grant> findById(GrantId id) {
    return Optional.ofNullable(grants.get(id));
  }

  @Override
  public synchronized void revoke(GrantId id, Instant at) {
    grants.computeIfPresent(
        id,
        (k, g) ->
            new Grant(
                g.id(),
                g.account(),
                g.client(),
                g.scopes(),
                g.resource(),
                g.createdAt(),
                Optional.of(g.revokedAt().orElse(at))));
  }

  @Override
  public synchronized int revokeAllOfClient(ClientId client, Instant at) {
    int revoked = 0;
    for (Grant g : grants.values().stream().filter(g -> g.client().equals(client)).toList()) {
      if (g.isActive()) {
        revoke(g.id(), at);
        revoked++;
      }
    }
    return revoked;
  }

  public synchronized boolean isEmpty() {
    return grants.isEmpty();
  }
}
