package ai.cinatra.application.port.out;

import ai.cinatra.application.error.OAuthException;
import ai.cinatra.domain.oauth.AccessTokenClaims;
import java.time.Instant;

/** Issues signed access tokens and verifies presented ones. */
public interface AccessTokens {

  /** A signed token carrying exactly these claims. */
  String issue(AccessTokenClaims claims);

  /**
   * The claims of a token signed by one of this server's keys, for this issuer and audience, not
   * expired at {@code now} (with a small skew).
   *
   * @throws OAuthException with code invalid_token otherwise
   */
  AccessTokenClaims verify(String token, String issuer, String audience, Instant now);

  /** The public keys that verify this server's tokens, as a JWK Set document (RFC 7517). */
  String publicJwks();
}
