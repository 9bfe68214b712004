package ai.cinatra.domain.account;

import ai.cinatra.domain.error.InvalidValueException;
import java.time.Duration;
import java.time.Instant;

/**
 * A person signed in through a browser, known by the hash of the cookie's token; its CSRF token
 * must come back with every form it posts.
 */
public record WebSession(
    String tokenHash, AccountId account, String csrfToken, Instant createdAt, Instant expiresAt) {

  /** A working day; the OAuth flows need a session only for a minute. */
  public static final Duration LIFETIME = Duration.ofHours(12);

  public WebSession {
    if (tokenHash == null || account == null || csrfToken == null) {
      throw new InvalidValueException("a session names its account and CSRF token");
    }
    if (createdAt == null || expiresAt == null) {
      throw new InvalidValueException("a session has a lifetime");
    }
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
