package ai.cinatra.domain.oauth;

import ai.cinatra.domain.error.InvalidValueException;
import java.time.Duration;
import java.time.Instant;

/**
 * A single-use code (stored as its hash) bound to the grant it came from, the client, the exact
 * redirect URI sent, and the PKCE challenge.
 */
public record AuthorizationCode(
    String codeHash,
    GrantId grant,
    ClientId client,
    String redirectUri,
    Pkce pkce,
    Instant expiresAt) {

  /** OAuth 2.1 asks for a short life; a real client redeems its code within a second or two. */
  public static final Duration LIFETIME = Duration.ofSeconds(60);

  public AuthorizationCode {
    if (codeHash == null
        || grant == null
        || client == null
        || redirectUri == null
        || pkce == null) {
      throw new InvalidValueException("a code names its grant, client, redirect URI and challenge");
    }
    if (expiresAt == null) {
      throw new InvalidValueException("a code expires");
    }
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
