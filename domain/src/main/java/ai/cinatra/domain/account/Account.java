package ai.cinatra.domain.account;

import ai.cinatra.domain.error.InvalidValueException;
import java.time.Instant;

/** A person who signs in and on whose behalf clients act; its current role decides every call. */
public record Account(
    AccountId id,
    Email email,
    Role role,
    AccountStatus status,
    PasswordHash passwordHash,
    Instant createdAt) {

  public Account {
    if (id == null || email == null || role == null || status == null) {
      throw new InvalidValueException("an account needs an id, an email, a role and a status");
    }
    if (passwordHash == null || createdAt == null) {
      throw new InvalidValueException("an account needs a password hash and a creation time");
    }
  }

  /** A new, active account. */
  public static Account create(Email email, Role role, PasswordHash passwordHash, Instant now) {
    return new Account(AccountId.random(), email, role, AccountStatus.ACTIVE, passwordHash, now);
  }

  /** The same account with another role. */
  public Account withRole(Role newRole) {
    return new Account(id, email, newRole, status, passwordHash, createdAt);
  }

  public boolean isActive() {
    return status == AccountStatus.ACTIVE;
  }
}
