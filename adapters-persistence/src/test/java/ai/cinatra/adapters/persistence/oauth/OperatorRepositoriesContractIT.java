package ai.cinatra.adapters.persistence.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.persistence.TestDatabase;
import ai.cinatra.adapters.persistence.access.JdbiPersonalAccessTokenRepository;
import ai.cinatra.adapters.persistence.account.JdbiAccountRepository;
import ai.cinatra.adapters.persistence.settings.JdbiSettingsRepository;
import ai.cinatra.domain.access.PersonalAccessToken;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.PasswordHash;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.ConnectedClient;
import ai.cinatra.domain.oauth.Grant;
import ai.cinatra.domain.oauth.GrantId;
import ai.cinatra.domain.oauth.OAuthClient;
import ai.cinatra.domain.oauth.RedirectUri;
import ai.cinatra.domain.oauth.TokenEndpointAuthMethod;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the operator's features store: settings, personal access tokens, and clients with the
 * accounts connected through them; on H2 and on the real PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class OperatorRepositoriesContractIT {
  private static final Instant T0 = Instant.parse("2026-11-29T10:15:30.123456Z");

  @Parameter TestDatabase.Kind kind;

  private TestDatabase database;

  @BeforeEach
  void openDatabase() {
    database = TestDatabase.create(kind);
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  @Test
  void settings_areSetReplacedAndTakenFirstOnlyOnce() {
    JdbiSettingsRepository settings = new JdbiSettingsRepository(database.jdbi());
    assertThat(settings.find("public_base_url")).isEmpty();
    settings.put("public_base_url", "https://a.example", T0);
    settings.put("public_base_url", "https://b.example", T0.plusSeconds(1));
    assertThat(settings.find("public_base_url")).contains("https://b.example");
    assertThat(settings.putIfAbsent("first_admin_created", "x@example.org", T0)).isTrue();
    assertThat(settings.putIfAbsent("first_admin_created", "y@example.org", T0)).isFalse();
    assertThat(settings.find("first_admin_created")).contains("x@example.org");
  }

  @Test
  void personalTokens_areFoundByHashOnly_listedAndRevokedOnce() {
    JdbiPersonalAccessTokenRepository tokens =
        new JdbiPersonalAccessTokenRepository(database.jdbi());
    Account owner = account("ops@example.org");
    PersonalAccessToken token =
        new PersonalAccessToken(
            UUID.randomUUID(), owner.id(), "ci", "hash-1", T0, Optional.empty(), Optional.empty());
    tokens.add(token);
    assertThat(tokens.findByHash("hash-1")).contains(token);
    assertThat(tokens.findByHash("hash-2")).isEmpty();
    tokens.markUsed(token.id(), T0.plusSeconds(3));
    assertThat(tokens.listOf(owner.id()))
        .singleElement()
        .satisfies(t -> assertThat(t.lastUsedAt()).contains(T0.plusSeconds(3)));
    assertThat(tokens.revoke(token.id(), T0.plusSeconds(5))).isTrue();
    assertThat(tokens.revoke(token.id(), T0.plusSeconds(6))).isFalse();
    assertThat(tokens.findByHash("hash-1").orElseThrow().revokedAt()).contains(T0.plusSeconds(5));
  }

  @Test
  void clients_areListedByName_withTheirActiveConnections_andForgottenOnDisconnect() {
    JdbiClientRepository clients = new JdbiClientRepository(database.jdbi());
    JdbiGrantRepository grants = new JdbiGrantRepository(database.jdbi());
    JdbiConsentRepository consents = new JdbiConsentRepository(database.jdbi());
    Account ada = account("ada@example.org");
    Account bo = account("bo@example.org");
    clients.add(client("mcp_a", "Claude Desktop"));
    clients.add(client("mcp_b", "Other_tool 100%"));
    clients.add(client("mcp_c", "claude.ai"));
    grants.add(grant(ada, "mcp_a", T0));
    grants.add(grant(ada, "mcp_a", T0.plusSeconds(60)));
    grants.add(grant(bo, "mcp_a", T0.plusSeconds(30)));
    grants.add(grant(bo, "mcp_c", T0));
    consents.remember(ada.id(), new ClientId("mcp_a"), Set.of("mcp:connect"), T0);
    clients.markUsed(new ClientId("mcp_a"), T0.plusSeconds(90));

    List<ConnectedClient> claude =
        clients.listConnected(Optional.of("CLAUDE"), false, Optional.empty(), 10);
    assertThat(claude).extracting(c -> c.clientId().value()).containsExactly("mcp_a", "mcp_c");
    ConnectedClient desktop = claude.get(0);
    assertThat(desktop.lastUsedAt()).contains(T0.plusSeconds(90));
    assertThat(desktop.accounts())
        .extracting(a -> a.email().value() + "@" + a.since())
        .containsExactly("ada@example.org@" + T0, "bo@example.org@" + T0.plusSeconds(30));
    assertThat(
            clients.listConnected(
                Optional.of("claude"), false, Optional.of(new ClientId("mcp_a")), 10))
        .extracting(c -> c.clientId().value())
        .containsExactly("mcp_c");
    // LIKE's wildcards in a filter are only characters.
    assertThat(clients.listConnected(Optional.of("_"), false, Optional.empty(), 10))
        .extracting(c -> c.clientId().value())
        .containsExactly("mcp_b");
    assertThat(clients.listConnected(Optional.of("0%"), false, Optional.empty(), 10)).hasSize(1);
    assertThat(clients.listConnected(Optional.empty(), false, Optional.empty(), 2)).hasSize(2);
    // Claude: a metadata document on a Claude host (whatever its name), or a name saying so.
    clients.saveFromMetadataDocument(
        OAuthClient.fromMetadataDocument(
            new ClientId("https://claude.ai/oauth/mcp-oauth-client-metadata"),
            Optional.of("Anthropic connector"),
            List.of(new RedirectUri("https://claude.ai/api/mcp/auth_callback")),
            T0,
            T0.plusSeconds(300)));
    clients.saveFromMetadataDocument(
        OAuthClient.fromMetadataDocument(
            new ClientId("https://claude.ai.evil.example/claude.ai/doc"),
            Optional.of("Evil"),
            List.of(new RedirectUri("https://evil.example/cb")),
            T0,
            T0.plusSeconds(300)));
    assertThat(clients.listConnected(Optional.empty(), true, Optional.empty(), 10))
        .extracting(c -> c.clientId().value())
        .containsExactly("https://claude.ai/oauth/mcp-oauth-client-metadata", "mcp_a", "mcp_c");

    assertThat(grants.revokeAllOfClient(new ClientId("mcp_a"), T0.plusSeconds(100))).isEqualTo(3);
    assertThat(consents.forgetAllOfClient(new ClientId("mcp_a"))).isEqualTo(1);
    assertThat(consents.find(ada.id(), new ClientId("mcp_a"))).isEmpty();
    assertThat(clients.findConnected(new ClientId("mcp_a")).orElseThrow().accounts()).isEmpty();
    assertThat(clients.findConnected(new ClientId("mcp_c")).orElseThrow().accounts()).hasSize(1);
    assertThat(clients.findConnected(new ClientId("mcp_zz"))).isEmpty();
  }

  private Account account(String email) {
    Account account =
        Account.create(new Email(email), Role.ADMIN, new PasswordHash("$argon2id$x"), T0);
    new JdbiAccountRepository(database.jdbi()).add(account);
    return account;
  }

  private static OAuthClient client(String id, String name) {
    return new OAuthClient(
        new ClientId(id),
        Optional.of(name),
        List.of(new RedirectUri("http://127.0.0.1/cb")),
        TokenEndpointAuthMethod.NONE,
        Optional.empty(),
        T0,
        Optional.empty(),
        Optional.empty());
  }

  private static Grant grant(Account account, String client, Instant at) {
    return new Grant(
        GrantId.random(),
        account.id(),
        new ClientId(client),
        Set.of("mcp:connect"),
        "https://x.example/api/mcp",
        at,
        Optional.empty());
  }
}
