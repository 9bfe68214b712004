package ai.cinatra.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.error.OAuthException.Code;
import ai.cinatra.application.fakes.DirectTransactions;
import ai.cinatra.application.fakes.InMemoryAccountRepository;
import ai.cinatra.application.fakes.InMemoryAuthorizationCodes;
import ai.cinatra.application.fakes.InMemoryClientRepository;
import ai.cinatra.application.fakes.InMemoryGrants;
import ai.cinatra.application.fakes.MutableClock;
import ai.cinatra.application.port.in.oauth.ClientCredentials;
import ai.cinatra.application.port.in.oauth.TokenResponse;
import ai.cinatra.application.port.out.AccessTokens;
import ai.cinatra.application.port.out.RefreshTokenRepository;
import ai.cinatra.application.port.out.remote.ClientMetadataDocuments;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.AccountStatus;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.PasswordHash;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.oauth.AccessTokenClaims;
import ai.cinatra.domain.oauth.AuthorizationCode;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.Grant;
import ai.cinatra.domain.oauth.GrantId;
import ai.cinatra.domain.oauth.OAuthClient;
import ai.cinatra.domain.oauth.OpaqueSecret;
import ai.cinatra.domain.oauth.Pkce;
import ai.cinatra.domain.oauth.RedirectUri;
import ai.cinatra.domain.oauth.RefreshToken;
import ai.cinatra.domain.oauth.RefreshToken.State;
import ai.cinatra.domain.oauth.ServerAddress;
import ai.cinatra.domain.oauth.TokenEndpointAuthMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The token endpoint's rules with fakes of its out-ports: single-use codes checked against their
 * request, refresh-token rotation with its one retry, and what a replay withdraws.
 */
class TokenServiceTest {
  private static final String CALLBACK = "https://app.example/cb";
  private static final String VERIFIER = "dBjftJeZ4CVP-mJ92K1VvK4jkmfTMdwLv1eKzeL2M5U";
  private static final String CHALLENGE = Pkce.s256(VERIFIER);
  private static final String MCP = "https://cinatra.example/api/mcp";
  private static final ClientCredentials APP = new ClientCredentials("app", null);
  private static final Duration RETRY_WINDOW = Duration.ofSeconds(60);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T12:00:00Z"));
  private final InMemoryAccountRepository accounts = new InMemoryAccountRepository();
  private final InMemoryClientRepository clients = new InMemoryClientRepository();
  private final InMemoryGrants grants = new InMemoryGrants();
  private final InMemoryAuthorizationCodes codes = new InMemoryAuthorizationCodes();
  private final Map<String, RefreshToken> refreshTokens = new HashMap<>();
  private final Map<String, AccessTokenClaims> issued = new HashMap<>();
  private final ClientMetadataDocuments noDocuments =
      url -> {
        throw new ClientMetadataDocuments.FetchFailedException("no documents in this test");
      };
  private final TokenService service =
      new TokenService(
          clients,
          new ClientResolver(clients, noDocuments, false, clock),
          accounts,
          grants,
          codes,
          refreshStore(),
          accessTokens(),
          new DirectTransactions(),
          () -> new ServerAddress("https://cinatra.example"),
          clock,
          Duration.ofDays(30),
          Duration.ofDays(90),
          RETRY_WINDOW);
  private final Account alice =
      Account.create(
          new Email("alice@example.org"), Role.MEMBER, new PasswordHash("fake$x"), clock.instant());
  private final Grant grant =
      new Grant(
          GrantId.random(),
          alice.id(),
          new ClientId("app"),
          Set.of("mcp:connect", "offline_access"),
          MCP,
          clock.instant(),
          Optional.empty());

  TokenServiceTest() {
    accounts.add(alice);
    clients.add(client("app"));
    clients.add(client("other"));
    grants.add(grant);
  }

  private OAuthClient client(String id) {
    return new OAuthClient(
        new ClientId(id),
        Optional.of(id),
        List.of(new RedirectUri(CALLBACK)),
        TokenEndpointAuthMethod.NONE,
        Optional.empty(),
        clock.instant(),
        Optional.empty(),
        Optional.empty());
  }

  /** A code for the grant, as an approval stores it; the code itself is returned. */
  private String code() {
    String code = OpaqueSecret.generate();
    codes.add(
        new AuthorizationCode(
            OpaqueSecret.hash(code),
            grant.id(),
            grant.client(),
            CALLBACK,
            Pkce.of(CHALLENGE, "S256"),
            clock.instant().plus(AuthorizationCode.LIFETIME)));
    return code;
  }

  private static OAuthException refused(Supplier<?> call) {
    return catchThrowableOfType(OAuthException.class, call::get);
  }

  private boolean revoked() {
    return !grants.findById(grant.id()).orElseThrow().isActive();
  }

  @Test
  void aCode_buysTokensOnce_forItsClient_redirect_andVerifier() {
    String code = code();
    assertThat(
            refused(() -> service.exchangeCode(APP, code, CALLBACK, "wrong-verifier", MCP)).code())
        .isEqualTo(Code.INVALID_GRANT);
    String fresh = code();
    TokenResponse tokens = service.exchangeCode(APP, fresh, CALLBACK, VERIFIER, MCP);
    AccessTokenClaims claims = issued.get(tokens.accessToken());
    assertThat(claims.subject()).isEqualTo(alice.id());
    assertThat(claims.audience()).isEqualTo(MCP);
    assertThat(claims.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
    String refresh = tokens.refreshToken().orElseThrow();
    assertThat(refreshTokens).containsKey(OpaqueSecret.hash(refresh)).doesNotContainKey(refresh);

    assertThat(
            refused(
                    () ->
                        service.exchangeCode(
                            new ClientCredentials("other", null), code(), CALLBACK, VERIFIER, MCP))
                .getMessage())
        .contains("another client");
    assertThat(
            refused(() -> service.exchangeCode(APP, code(), CALLBACK + "x", VERIFIER, MCP)).code())
        .isEqualTo(Code.INVALID_GRANT);
    assertThat(
            refused(
                    () ->
                        service.exchangeCode(
                            APP, code(), CALLBACK, VERIFIER, "https://elsewhere.example/api/mcp"))
                .code())
        .isEqualTo(Code.INVALID_TARGET);
    String late = code();
    clock.advance(AuthorizationCode.LIFETIME);
    assertThat(refused(() -> service.exchangeCode(APP, late, CALLBACK, VERIFIER, MCP)).getMessage())
        .contains("expired");
    assertThat(revoked()).isFalse();
  }

  @Test
  void aCodeReplayed_revokesTheGrant_andWithItEveryTokenItBought() {
    String code = code();
    TokenResponse first = service.exchangeCode(APP, code, CALLBACK, VERIFIER, MCP);
    OAuthException replay = refused(() -> service.exchangeCode(APP, code, CALLBACK, VERIFIER, MCP));
    assertThat(replay.code()).isEqualTo(Code.INVALID_GRANT);
    assertThat(revoked()).isTrue();
    assertThat(
            refused(() -> service.refresh(APP, first.refreshToken().orElseThrow(), null))
                .getMessage())
        .contains("revoked");
  }

  @Test
  void refreshing_rotates_aLostAnswerMayBeRetriedOnce_andAnyOtherReplayRevokesTheGrant() {
    String r1 =
        service.exchangeCode(APP, code(), CALLBACK, VERIFIER, MCP).refreshToken().orElseThrow();
    String r2 = service.refresh(APP, r1, MCP).refreshToken().orElseThrow();
    assertThat(refreshTokens.get(OpaqueSecret.hash(r1)).state()).isEqualTo(State.REPLACED);

    // r2's answer was lost: r1 again, within the window and with r2 unused, is a retry.
    clock.advance(RETRY_WINDOW.minusSeconds(1));
    String r2b = service.refresh(APP, r1, null).refreshToken().orElseThrow();
    assertThat(refreshTokens.get(OpaqueSecret.hash(r2)).state()).isEqualTo(State.DISCARDED);
    assertThat(refreshTokens.get(OpaqueSecret.hash(r1)).state()).isEqualTo(State.RETRIED);
    String r3 = service.refresh(APP, r2b, null).refreshToken().orElseThrow();
    assertThat(revoked()).isFalse();

    // r1 a third time is a leak: the whole grant goes, r3 with it.
    assertThat(refused(() -> service.refresh(APP, r1, null)).getMessage())
        .contains("grant is revoked");
    assertThat(revoked()).isTrue();
    assertThat(refused(() -> service.refresh(APP, r3, null)).code()).isEqualTo(Code.INVALID_GRANT);
  }

  @Test
  void aReplacedToken_whoseSuccessorWasUsed_revokesTheGrant_evenWithinTheWindow() {
    String r1 =
        service.exchangeCode(APP, code(), CALLBACK, VERIFIER, MCP).refreshToken().orElseThrow();
    String r2 = service.refresh(APP, r1, null).refreshToken().orElseThrow();
    service.refresh(APP, r2, null);
    assertThat(refreshTokens.get(OpaqueSecret.hash(r1)).state()).isEqualTo(State.SPENT);
    assertThat(refused(() -> service.refresh(APP, r1, null)).code()).isEqualTo(Code.INVALID_GRANT);
    assertThat(revoked()).isTrue();
  }

  @Test
  void refreshing_isRefused_forAnotherClient_aDisabledAccount_anExpiredToken() {
    String r1 =
        service.exchangeCode(APP, code(), CALLBACK, VERIFIER, MCP).refreshToken().orElseThrow();
    assertThat(
            refused(() -> service.refresh(new ClientCredentials("other", null), r1, null))
                .getMessage())
        .contains("another client");
    accounts.updateStatus(alice.id(), AccountStatus.DISABLED);
    assertThat(refused(() -> service.refresh(APP, r1, null)).getMessage()).contains("disabled");
    accounts.updateStatus(alice.id(), AccountStatus.ACTIVE);

    String current = service.refresh(APP, r1, null).refreshToken().orElseThrow();
    clock.advance(Duration.ofDays(90));
    assertThat(refused(() -> service.refresh(APP, current, null)).getMessage()).contains("expired");
    assertThat(refused(() -> service.refresh(APP, "made-up", null)).code())
        .isEqualTo(Code.INVALID_GRANT);
  }

  @Test
  void clients_areWhoTheySay_andRevocationWithdrawsTheGrant() {
    assertThat(
            refused(() -> service.refresh(new ClientCredentials("nobody", null), "x", null)).code())
        .isEqualTo(Code.INVALID_CLIENT);
    assertThat(
            refused(() -> service.refresh(new ClientCredentials("app", "a secret"), "x", null))
                .code())
        .isEqualTo(Code.INVALID_CLIENT);
    assertThat(refused(() -> service.refresh(null, "x", null)).code())
        .isEqualTo(Code.INVALID_CLIENT);

    String r1 =
        service.exchangeCode(APP, code(), CALLBACK, VERIFIER, MCP).refreshToken().orElseThrow();
    // Another client's revocation of this client's token does nothing (RFC 7009 2.1).
    service.revoke(new ClientCredentials("other", null), r1);
    assertThat(revoked()).isFalse();
    service.revoke(APP, "not a token of ours");
    assertThat(revoked()).isFalse();
    service.revoke(APP, r1);
    assertThat(revoked()).isTrue();
  }

  private RefreshTokenRepository refreshStore() {
    return new RefreshTokenRepository() {
      @Override
      public void add(RefreshToken token) {
        refreshTokens.put(token.tokenHash(), token);
      }

      @Override
      public Optional<RefreshToken> findByHash(String tokenHash) {
        return Optional.ofNullable(refreshTokens.get(tokenHash));
      }

      @Override
      public Optional<RefreshToken> findByHashForUpdate(String tokenHash) {
        return findByHash(tokenHash);
      }

      @Override
      public List<RefreshToken> findChildren(String parentHash) {
        return refreshTokens.values().stream()
            .filter(t -> t.parentHash().equals(Optional.of(parentHash)))
            .toList();
      }

      @Override
      public void setState(String tokenHash, State state) {
        refreshTokens.computeIfPresent(
            tokenHash,
            (k, t) ->
                new RefreshToken(
                    t.tokenHash(), t.grant(), t.parentHash(), state, t.createdAt(), t.expiresAt()));
      }
    };
  }

  /** Access tokens as opaque names of the claims they were issued with. */
  private AccessTokens accessTokens() {
    return new AccessTokens() {
      @Override
      public String issue(AccessTokenClaims claims) {
        String token = "access-" + claims.tokenId();
        issued.put(token, claims);
        return token;
      }

      @Override
      public AccessTokenClaims verify(String token, String issuer, String audience, Instant now) {
        AccessTokenClaims claims = issued.get(token);
        if (claims == null || !claims.audience().equals(audience)) {
          throw new OAuthException(Code.INVALID_TOKEN, "not a token of this server");
        }
        return claims;
      }

      @Override
      public String publicJwks() {
        return "{\"keys\":[]}";
      }
    };
  }
}
