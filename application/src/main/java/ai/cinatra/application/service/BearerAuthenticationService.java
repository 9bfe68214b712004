package ai.cinatra.application.service;

import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.error.OAuthException.Code;
import ai.cinatra.application.port.in.oauth.AuthenticateBearerUseCase;
import ai.cinatra.application.port.in.oauth.ServerAddressQuery;
import ai.cinatra.application.port.out.AccessTokens;
import ai.cinatra.application.port.out.AccountRepository;
import ai.cinatra.application.port.out.GrantRepository;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.oauth.AccessTokenClaims;
import ai.cinatra.domain.oauth.Grant;
import ai.cinatra.domain.oauth.ServerAddress;
import java.time.Clock;

/**
 * Checks a bearer token on every request: signature, issuer, audience and expiry, and then that its
 * grant still stands and its account is still enabled, so a disconnect or a disabled account takes
 * effect on the very next request even while the JWT has not expired.
 */
public final class BearerAuthenticationService implements AuthenticateBearerUseCase {
  private final AccessTokens tokens;
  private final GrantRepository grants;
  private final AccountRepository accounts;
  private final ServerAddressQuery address;
  private final Clock clock;

  public BearerAuthenticationService(
      AccessTokens tokens,
      GrantRepository grants,
      AccountRepository accounts,
      ServerAddressQuery address,
      Clock clock) {
    this.tokens = tokens;
    this.grants = grants;
    this.accounts = accounts;
    this.address = address;
    this.clock = clock;
  }

  @Override
  public Actor authenticate(String bearerToken) {
    ServerAddress server = address.current();
    AccessTokenClaims claims =
        tokens.verify(bearerToken, server.issuer(), server.mcpResource(), clock.instant());
    Grant grant =
        grants
            .findById(claims.grantId())
            .filter(Grant::isActive)
            .filter(
                g -> g.client().equals(claims.clientId()) && g.account().equals(claims.subject()))
            .orElseThrow(
                () ->
                    new OAuthException(
                        Code.INVALID_TOKEN, "the access was revoked; connect again"));
    Account account =
        accounts
            .findById(claims.subject())
            .filter(Account::isActive)
            .orElseThrow(() -> new OAuthException(Code.INVALID_TOKEN, "the account is disabled"));
    return new Actor(
        account.id(), account.email(), account.role(), grant.client(), grant.id(), claims.scopes());
  }
}
