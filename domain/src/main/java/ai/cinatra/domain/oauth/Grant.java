package ai.cinatra.domain.oauth;

import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.error.InvalidValueException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One authorization: an account let a client act for it on a resource. Every code, access token and
 * refresh token comes from a grant, and revoking the grant stops them all at once.
 */
public record Grant(
    GrantId id,
    AccountId account,
    ClientId client,
    Set<String> scopes,
    String resource,
    Instant createdAt,
    Optional<Instant> revokedAt) {

  public Grant {
    if (id == null || account == null || client == null || scopes == null || resource == null) {
      throw new InvalidValueException("a grant names its account, client, scopes and resource");
    }
    if (createdAt == null || revokedAt == null) {
      throw new InvalidValueException("a grant has a creation time");
    }
    scopes = Set.copyOf(scopes);
  }

  public boolean isActive() {
    return revokedAt.isEmpty();
  }
}
