package ai.cinatra.adapters.persistence.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.adapters.persistence.JdbiTransactions;
import ai.cinatra.adapters.persistence.TestDatabase;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.oauth.AuthorizationCode;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.Grant;
import ai.cinatra.domain.oauth.GrantId;
import ai.cinatra.domain.oauth.OpaqueSecret;
import ai.cinatra.domain.oauth.Pkce;
import ai.cinatra.domain.oauth.RefreshToken;
import ai.cinatra.domain.oauth.RefreshToken.State;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contracts of the grant store's four repositories (grants, codes, refresh tokens, consents)
 * and of the transaction runner they share, against H2 and the real PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class GrantStoreContractIT {
  private static final Instant T0 = Instant.parse("2026-11-29T10:15:30.123456Z");
  private static final ClientId CLIENT = new ClientId("mcp_client");
  private static final AccountId ACCOUNT = AccountId.random();

  @Parameter TestDatabase.Kind kind;

  private TestDatabase database;
  private JdbiGrantRepository grants;
  private JdbiAuthorizationCodeRepository codes;
  private JdbiRefreshTokenRepository refreshTokens;
  private JdbiConsentRepository consents;
  private JdbiTransactions transactions;

  @BeforeEach
  void openDatabase() {
    database = TestDatabase.create(kind);
    grants = new JdbiGrantRepository(database.jdbi());
    codes = new JdbiAuthorizationCodeRepository(database.jdbi());
    refreshTokens = new JdbiRefreshTokenRepository(database.jdbi());
    consents = new JdbiConsentRepository(database.jdbi());
    transactions = new JdbiTransactions(database.jdbi());
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  private static Grant grant(ClientId client) {
    return new Grant(
        GrantId.random(),
        ACCOUNT,
        client,
        Set.of("mcp:connect", "offline_access"),
        "https://x.example/api/mcp",
        T0,
        Optional.empty());
  }

  @Test
  void grants_addFindRevoke_andRevokeAllOfAClient() {
    Grant first = grant(CLIENT);
    Grant second = grant(CLIENT);
    Grant other = grant(new ClientId("mcp_other"));
    grants.add(first);
    grants.add(second);
    grants.add(other);

    assertThat(grants.findById(first.id())).contains(first);
    grants.revoke(first.id(), T0.plusSeconds(1));
    grants.revoke(first.id(), T0.plusSeconds(9));
    assertThat(grants.findById(first.id()).orElseThrow().revokedAt()).contains(T0.plusSeconds(1));

    assertThat(grants.revokeAllOfClient(CLIENT, T0.plusSeconds(2))).isEqualTo(1);
    assertThat(grants.findById(second.id()).orElseThrow().isActive()).isFalse();
    assertThat(grants.findById(other.id()).orElseThrow().isActive()).isTrue();
  }

  @Test
  void codes_areFoundByHash_andConsumedExactlyOnce() {
    AuthorizationCode code =
        new AuthorizationCode(
            OpaqueSecret.hash("the-code"),
            GrantId.random(),
            CLIENT,
            "http://localhost:1234/cb",
            new Pkce(Pkce.s256("v".repeat(43))),
            T0.plusSeconds(60));
    codes.add(code);

    assertThat(codes.findByHash(OpaqueSecret.hash("the-code"))).contains(code);
    assertThat(codes.findByHash(OpaqueSecret.hash("another"))).isEmpty();
    assertThat(codes.consume(code.codeHash(), T0)).isTrue();
    assertThat(codes.consume(code.codeHash(), T0)).isFalse();
  }

  @Test
  void refreshTokens_keepTheirChain_andStateChanges() {
    GrantId grant = GrantId.random();
    RefreshToken parent =
        new RefreshToken("p", grant, Optional.empty(), State.CURRENT, T0, T0.plusSeconds(3600));
    RefreshToken child =
        new RefreshToken("c", grant, Optional.of("p"), State.CURRENT, T0, T0.plusSeconds(3600));
    refreshTokens.add(parent);
    refreshTokens.add(child);

    refreshTokens.setState("p", State.REPLACED);

    assertThat(
            transactions
                .inTransaction(() -> refreshTokens.findByHashForUpdate("p"))
                .orElseThrow()
                .state())
        .isEqualTo(State.REPLACED);
    assertThat(refreshTokens.findChildren("p")).containsExactly(child);
    assertThat(refreshTokens.findChildren("c")).isEmpty();
  }

  @Test
  void consents_areRememberedAndReplaced() {
    assertThat(consents.find(ACCOUNT, CLIENT)).isEmpty();

    consents.remember(ACCOUNT, CLIENT, Set.of("mcp:connect"), T0);
    consents.remember(ACCOUNT, CLIENT, Set.of("mcp:connect", "offline_access"), T0.plusSeconds(1));

    assertThat(consents.find(ACCOUNT, CLIENT)).contains(Set.of("mcp:connect", "offline_access"));
    assertThat(consents.find(AccountId.random(), CLIENT)).isEmpty();
  }

  @Test
  void transaction_rollsBackEveryWriteWhenTheWorkFails() {
    Grant grant = grant(CLIENT);

    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      grants.add(grant);
                      consents.remember(ACCOUNT, CLIENT, Set.of("mcp:connect"), T0);
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");

    assertThat(grants.findById(grant.id())).isEmpty();
    assertThat(consents.find(ACCOUNT, CLIENT)).isEmpty();
  }
}
