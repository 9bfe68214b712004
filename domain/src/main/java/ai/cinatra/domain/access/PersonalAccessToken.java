package ai.cinatra.domain.access;

import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.error.InvalidValueException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A token an admin creates for scripts (the REST admin API): shown once, stored as a SHA-256 hash,
 * acting as its account with the account's current role until revoked.
 */
public record PersonalAccessToken(
    UUID id,
    AccountId account,
    String name,
    String tokenHash,
    Instant createdAt,
    Optional<Instant> lastUsedAt,
    Optional<Instant> revokedAt) {

  /** Every token starts so, which tells it apart from a JWT and helps secret scanners. */
  public static final String PREFIX = "cin_pat_";

  public PersonalAccessToken {
    if (id == null || account == null || tokenHash == null || createdAt == null) {
      throw new InvalidValueException("a token has an id, an account, a hash and a time");
    }
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new InvalidValueException("a token's name is 1 to 100 characters");
    }
    if (lastUsedAt == null || revokedAt == null) {
      throw new InvalidValueException("a token's times are given, even when empty");
    }
  }

  public boolean isActive() {
    return revokedAt.isEmpty();
  }
}
