package ai.cinatra.application.service;

import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.error.OAuthException.Code;
import ai.cinatra.application.port.in.oauth.ClientCredentials;
import ai.cinatra.application.port.in.oauth.Introspection;
import ai.cinatra.application.port.in.oauth.RevokeAndIntrospectUseCase;
import ai.cinatra.application.port.in.oauth.ServerAddressQuery;
import ai.cinatra.application.port.in.oauth.TokenResponse;
import ai.cinatra.application.port.in.oauth.TokenUseCase;
import ai.cinatra.application.port.out.AccessTokens;
import ai.cinatra.application.port.out.AccountRepository;
import ai.cinatra.application.port.out.AuthorizationCodeRepository;
import ai.cinatra.application.port.out.ClientRepository;
import ai.cinatra.application.port.out.GrantRepository;
import ai.cinatra.application.port.out.RefreshTokenRepository;
import ai.cinatra.application.port.out.TransactionRunner;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.oauth.AccessTokenClaims;
import ai.cinatra.domain.oauth.AuthorizationCode;
import ai.cinatra.domain.oauth.Grant;
import ai.cinatra.domain.oauth.GrantId;
import ai.cinatra.domain.oauth.OAuthClient;
import ai.cinatra.domain.oauth.OpaqueSecret;
import ai.cinatra.domain.oauth.RefreshToken;
import ai.cinatra.domain.oauth.RefreshToken.Presentation;
import ai.cinatra.domain.oauth.RefreshToken.State;
import ai.cinatra.domain.oauth.Scopes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Exchanges codes and refresh tokens for access tokens. Codes are single use and a replay revokes
 * their grant; refresh tokens rotate on every use by the domain's rule ({@link
 * RefreshToken#presentedAt}): a lost response may be retried once within a short window, and any
 * other replaced token presented revokes the whole grant.
 */
public final class TokenService implements TokenUseCase, RevokeAndIntrospectUseCase {
  private final ClientRepository clients;
  private final ClientResolver resolver;
  private final AccountRepository accounts;
  private final GrantRepository grants;
  private final AuthorizationCodeRepository codes;
  private final RefreshTokenRepository refreshTokens;
  private final AccessTokens accessTokens;
  private final TransactionRunner transactions;
  private final ServerAddressQuery address;
  private final Clock clock;
  private final Duration accessTokenLifetime;
  private final Duration refreshTokenLifetime;
  private final Duration refreshRetryWindow;

  public TokenService(
      ClientRepository clients,
      ClientResolver resolver,
      AccountRepository accounts,
      GrantRepository grants,
      AuthorizationCodeRepository codes,
      RefreshTokenRepository refreshTokens,
      AccessTokens accessTokens,
      TransactionRunner transactions,
      ServerAddressQuery address,
      Clock clock,
      Duration accessTokenLifetime,
      Duration refreshTokenLifetime,
      Duration refreshRetryWindow) {
    this.clients = clients;
    this.resolver = resolver;
    this.accounts = accounts;
    this.grants = grants;
    this.codes = codes;
    this.refreshTokens = refreshTokens;
    this.accessTokens = accessTokens;
    this.transactions = transactions;
    this.address = address;
    this.clock = clock;
    this.accessTokenLifetime = accessTokenLifetime;
    this.refreshTokenLifetime = refreshTokenLifetime;
    this.refreshRetryWindow = refreshRetryWindow;
  }

  @Override
  public TokenResponse exchangeCode(
      ClientCredentials credentials,
      String code,
      String redirectUri,
      String codeVerifier,
      String resource) {
    OAuthClient client = authenticate(credentials);
    if (code == null || code.isEmpty()) {
      throw invalidGrant("code is required");
    }
    String codeHash = OpaqueSecret.hash(code);
    AuthorizationCode stored =
        codes.findByHash(codeHash).orElseThrow(() -> invalidGrant("the code is not valid"));
    if (!stored.client().equals(client.id())) {
      throw invalidGrant("the code was issued to another client");
    }
    Instant now = clock.instant();
    if (!codes.consume(codeHash, now)) {
      // RFC 6749 4.1.2: a code used twice means it leaked; what it bought is withdrawn.
      grants.revoke(stored.grant(), now);
      throw invalidGrant("the code was already used; every token issued from it is revoked");
    }
    if (stored.isExpiredAt(now)) {
      throw invalidGrant("the code has expired");
    }
    if (!stored.redirectUri().equals(redirectUri)) {
      throw invalidGrant("redirect_uri differs from the one in the authorization request");
    }
    if (!stored.pkce().isVerifiedBy(codeVerifier)) {
      throw invalidGrant("code_verifier does not match the code_challenge");
    }
    Grant grant = activeGrant(stored.grant().value());
    checkResource(grant, resource);
    return issue(client, grant, Optional.empty(), now);
  }

  @Override
  public TokenResponse refresh(
      ClientCredentials credentials, String refreshToken, String resource) {
    OAuthClient client = authenticate(credentials);
    if (refreshToken == null || refreshToken.isEmpty()) {
      throw invalidGrant("refresh_token is required");
    }
    String hash = OpaqueSecret.hash(refreshToken);
    Outcome outcome = transactions.inTransaction(() -> rotate(client, hash, resource));
    if (outcome.error() != null) {
      throw outcome.error();
    }
    return outcome.response();
  }

  /** A rotation's result; a refusal that revoked a grant must still commit, so it is returned. */
  private record Outcome(TokenResponse response, OAuthException error) {}

  private Outcome rotate(OAuthClient client, String hash, String resource) {
    Instant now = clock.instant();
    RefreshToken presented =
        refreshTokens
            .findByHashForUpdate(hash)
            .orElseThrow(() -> invalidGrant("the refresh token is not valid"));
    Grant grant =
        grants
            .findById(presented.grant())
            .orElseThrow(() -> invalidGrant("the refresh token is not valid"));
    if (!grant.client().equals(client.id())) {
      throw invalidGrant("the refresh token was issued to another client");
    }
    Optional<RefreshToken> unusedSuccessor =
        presented.state() == State.REPLACED
            ? refreshTokens.findChildren(hash).stream()
                .filter(child -> child.state() == State.CURRENT)
                .findFirst()
            : Optional.empty();
    Presentation presentation = presented.presentedAt(now, unusedSuccessor, refreshRetryWindow);
    switch (presentation) {
      case REVOKE_GRANT -> {
        grants.revoke(grant.id(), now);
        return new Outcome(
            null, invalidGrant("the refresh token was already used; the grant is revoked"));
      }
      case RETRY -> {
        refreshTokens.setState(unusedSuccessor.orElseThrow().tokenHash(), State.DISCARDED);
        refreshTokens.setState(hash, State.RETRIED);
      }
      case ROTATE ->
          presented.parentHash().ifPresent(parent -> refreshTokens.setState(parent, State.SPENT));
    }
    if (presented.isExpiredAt(now)) {
      throw invalidGrant("the refresh token has expired");
    }
    if (!grant.isActive()) {
      throw invalidGrant("the grant was revoked");
    }
    checkAccount(grant);
    checkResource(grant, resource);
    if (presentation == Presentation.ROTATE) {
      refreshTokens.setState(hash, State.REPLACED);
    }
    return new Outcome(issue(client, grant, Optional.of(hash), now), null);
  }

  @Override
  public void revoke(ClientCredentials credentials, String token) {
    OAuthClient client = authenticate(credentials);
    if (token == null || token.isEmpty()) {
      throw new OAuthException(Code.INVALID_REQUEST, "token is required");
    }
    Instant now = clock.instant();
    grantOf(client, token, now).ifPresent(grant -> grants.revoke(grant.id(), now));
  }

  @Override
  public Introspection introspect(ClientCredentials credentials, String token) {
    OAuthClient client = authenticate(credentials);
    if (!client.authMethod().isConfidential()) {
      throw new OAuthException(
          Code.INVALID_CLIENT, "introspection is for confidential clients only");
    }
    if (token == null || token.isEmpty()) {
      throw new OAuthException(Code.INVALID_REQUEST, "token is required");
    }
    Instant now = clock.instant();
    // Looked up once: a refresh token by its hash, else an access token by its signature.
    Optional<RefreshToken> refresh = refreshTokens.findByHash(OpaqueSecret.hash(token));
    Optional<AccessTokenClaims> claims =
        refresh.isPresent() ? Optional.empty() : verifiedAccessToken(token, now);
    Optional<Grant> grant =
        clientsGrant(
                client,
                refresh.map(RefreshToken::grant).or(() -> claims.map(AccessTokenClaims::grantId)))
            .filter(Grant::isActive);
    if (grant.isEmpty()
        || accounts.findById(grant.get().account()).filter(Account::isActive).isEmpty()) {
      return Introspection.inactive();
    }
    if (refresh.isPresent()) {
      RefreshToken r = refresh.get();
      boolean usable =
          (r.state() == State.CURRENT || r.state() == State.REPLACED) && !r.isExpiredAt(now);
      return !usable
          ? Introspection.inactive()
          : new Introspection(
              true,
              Optional.of("refresh_token"),
              Optional.of(client.id().value()),
              Optional.of(grant.get().account().toString()),
              Optional.of(Scopes.format(grant.get().scopes())),
              Optional.of(grant.get().resource()),
              Optional.of(r.expiresAt()));
    }
    AccessTokenClaims access = claims.orElseThrow();
    return new Introspection(
        true,
        Optional.of("Bearer"),
        Optional.of(access.clientId().value()),
        Optional.of(access.subject().toString()),
        Optional.of(Scopes.format(access.scopes())),
        Optional.of(access.audience()),
        Optional.of(access.expiresAt()));
  }

  /** The grant behind a refresh or access token, if the token is ours and this client's. */
  private Optional<Grant> grantOf(OAuthClient client, String token, Instant now) {
    Optional<RefreshToken> refresh = refreshTokens.findByHash(OpaqueSecret.hash(token));
    return clientsGrant(
        client,
        refresh.isPresent()
            ? refresh.map(RefreshToken::grant)
            : verifiedAccessToken(token, now).map(AccessTokenClaims::grantId));
  }

  private Optional<Grant> clientsGrant(OAuthClient client, Optional<GrantId> grantId) {
    return grantId.flatMap(grants::findById).filter(g -> g.client().equals(client.id()));
  }

  private Optional<AccessTokenClaims> verifiedAccessToken(String token, Instant now) {
    try {
      return Optional.of(
          accessTokens.verify(
              token, address.current().issuer(), address.current().mcpResource(), now));
    } catch (OAuthException notOurs) {
      return Optional.empty();
    }
  }

  /**
   * Identifies the client: a confidential one by its secret, a public one by its id alone. An
   * unknown id answers 401 invalid_client, which tells a client to register again.
   */
  OAuthClient authenticate(ClientCredentials credentials) {
    if (credentials == null || credentials.clientId() == null) {
      throw new OAuthException(Code.INVALID_CLIENT, "client authentication is required");
    }
    OAuthClient client =
        resolver.resolve(
            credentials.clientId(),
            () -> new OAuthException(Code.INVALID_CLIENT, "unknown client; register again"));
    if (client.authMethod().isConfidential()) {
      if (!OpaqueSecret.matches(credentials.secret(), client.secretHash().orElse(null))) {
        throw new OAuthException(Code.INVALID_CLIENT, "client authentication failed");
      }
    } else if (credentials.secret() != null && !credentials.secret().isEmpty()) {
      throw new OAuthException(Code.INVALID_CLIENT, "a public client has no secret");
    }
    return client;
  }

  private TokenResponse issue(
      OAuthClient client, Grant grant, Optional<String> parentHash, Instant now) {
    String accessToken =
        accessTokens.issue(
            new AccessTokenClaims(
                address.current().issuer(),
                grant.account(),
                grant.resource(),
                client.id(),
                grant.id(),
                grant.scopes(),
                now,
                now.plus(accessTokenLifetime),
                UUID.randomUUID().toString()));
    String refreshToken = OpaqueSecret.generate();
    refreshTokens.add(
        new RefreshToken(
            OpaqueSecret.hash(refreshToken),
            grant.id(),
            parentHash,
            State.CURRENT,
            now,
            now.plus(refreshTokenLifetime)));
    clients.markUsed(client.id(), now);
    return new TokenResponse(
        accessToken,
        accessTokenLifetime.toSeconds(),
        Optional.of(refreshToken),
        Scopes.format(grant.scopes()));
  }

  private Grant activeGrant(UUID grantId) {
    Grant grant =
        grants
            .findById(new GrantId(grantId))
            .filter(Grant::isActive)
            .orElseThrow(() -> invalidGrant("the grant was revoked"));
    checkAccount(grant);
    return grant;
  }

  private void checkAccount(Grant grant) {
    if (accounts.findById(grant.account()).filter(Account::isActive).isEmpty()) {
      throw invalidGrant("the account is disabled");
    }
  }

  private void checkResource(Grant grant, String resource) {
    if (resource != null && !address.current().isMcpResource(resource)) {
      throw new OAuthException(Code.INVALID_TARGET, "resource must be " + grant.resource());
    }
  }

  private static OAuthException invalidGrant(String message) {
    return new OAuthException(Code.INVALID_GRANT, message);
  }
}
