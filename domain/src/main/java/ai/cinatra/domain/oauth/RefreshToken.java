package ai.cinatra.domain.oauth;

import ai.cinatra.domain.error.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A refresh token (stored as its hash) in its rotation chain. Each use replaces it. A replaced
 * token may be presented once more — a client that lost the response retrying — but only while its
 * successor is unused and within a short window; any other presentation of a replaced token is a
 * sign of theft and revokes the whole grant ({@link #presentedAt}).
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
    /** Replaced and already retried once: presenting it again means it leaked. */
    RETRIED,
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

  /** The retry window unless configured otherwise. */
  public static final Duration DEFAULT_RETRY_WINDOW = Duration.ofSeconds(60);

  /** What presenting this token at the token endpoint does. */
  public enum Presentation {
    /** The current token: replace it with a new one. */
    ROTATE,
    /**
     * A lost response retried: hand out a new successor, discard the unused one, and never allow
     * this token again.
     */
    RETRY,
    /** A replaced token presented otherwise: it leaked, so the whole grant is revoked. */
    REVOKE_GRANT
  }

  /**
   * The rule of rotation: the current token rotates; a replaced one may be retried once, while its
   * successor ({@code unusedSuccessor}, present only if it is still current) is unused and within
   * {@code retryWindow} of the replacement; anything else revokes the grant. Concurrent
   * presentations of one token are serialised by the store, so this rule gives one winner: the
   * first rotates, the second is the one retry (discarding the first's successor), a third revokes.
   */
  public Presentation presentedAt(
      Instant now, Optional<RefreshToken> unusedSuccessor, Duration retryWindow) {
    return switch (state) {
      case CURRENT -> Presentation.ROTATE;
      case REPLACED ->
          unusedSuccessor
                  .filter(next -> next.state == State.CURRENT)
                  .filter(next -> next.parentHash.equals(Optional.of(tokenHash)))
                  .filter(next -> now.isBefore(next.createdAt.plus(retryWindow)))
                  .isPresent()
              ? Presentation.RETRY
              : Presentation.REVOKE_GRANT;
      case SPENT, RETRIED, DISCARDED -> Presentation.REVOKE_GRANT;
    };
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
