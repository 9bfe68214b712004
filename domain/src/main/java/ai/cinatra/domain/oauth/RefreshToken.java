package ai.cinatra.domain.oauth;

import ai.cinatra.domain.error.InvalidValueException;
import java.time.Instant;
import java.util.Optional;

/**
 * A refresh token (stored as its hash) in its rotation chain. Each use replaces it; the replaced
 * one stays good only until its successor is first used, so a client that lost a response may
 * retry, and any token older than that is a sign of theft.
 */
public record RefreshToken(
    String tokenHash,
    GrantId grant,
    Optional<String> parentHash,
    State state,
    Instant createdAt,
    Instant expiresAt) {

  /** Where a token stands in its chain. */
  public enum State {
    /** The newest token of its grant. */
    CURRENT,
    /** Replaced, but its successor has not been used yet: may still be retried. */
    REPLACED,
    /** Replaced and its successor used: presenting it again means it leaked. */
    SPENT,
    /** A successor handed out by a retry that the client never came back with. */
    DISCARDED
  }

  public RefreshToken {
    if (tokenHash == null || grant == null || parentHash == null || state == null) {
      throw new InvalidValueException("a refresh token names its grant, parent and state");
    }
    if (createdAt == null || expiresAt == null) {
      throw new InvalidValueException("a refresh token names its grant, state and lifetime");
    }
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
