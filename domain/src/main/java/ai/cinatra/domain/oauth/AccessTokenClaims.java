package ai.cinatra.domain.oauth;

import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.error.InvalidValueException;
import java.time.Instant;
import java.util.Set;

/**
 * What an access token says (RFC 9068): who (the account), through which client and grant, for
 * which resource, until when. Proof of identity only: what the account may do is decided anew on
 * every call.
 */
public record AccessTokenClaims(
    String issuer,
    AccountId subject,
    String audience,
    ClientId clientId,
    GrantId grantId,
    Set<String> scopes,
    Instant issuedAt,
    Instant expiresAt,
    String tokenId) {

  public AccessTokenClaims {
    if (issuer == null || subject == null || audience == null || clientId == null) {
      throw new InvalidValueException("a token names its issuer, subject, audience and client");
    }
    if (grantId == null || scopes == null || issuedAt == null || expiresAt == null) {
      throw new InvalidValueException("a token names its grant, scopes and lifetime");
    }
    if (tokenId == null || tokenId.isBlank()) {
      throw new InvalidValueException("a token has an id");
    }
    if (!expiresAt.isAfter(issuedAt)) {
      throw new InvalidValueException("a token expires after it is issued");
    }
    scopes = Set.copyOf(scopes);
  }
}
