package ai.cinatra.application.port.out;

import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.Grant;
import ai.cinatra.domain.oauth.GrantId;
import java.time.Instant;
import java.util.Optional;

/** Stores grants. */
public interface GrantRepository {
  void add(Grant grant);

  Optional<Grant> findById(GrantId id);

  /** Revokes the grant if it is active; revoking twice changes nothing. */
  void revoke(GrantId id, Instant at);

  /** Revokes every active grant of a client (a disconnect); returns how many. */
  int revokeAllOfClient(ClientId client, Instant at);
}
