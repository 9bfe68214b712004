package ai.cinatra.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.error.ForbiddenException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.fakes.Actors;
import ai.cinatra.application.fakes.DirectTransactions;
import ai.cinatra.application.fakes.InMemoryAccountRepository;
import ai.cinatra.application.fakes.InMemoryClientRepository;
import ai.cinatra.application.fakes.InMemorySettings;
import ai.cinatra.application.fakes.InMemoryWorkspace;
import ai.cinatra.application.fakes.MutableClock;
import ai.cinatra.application.fakes.ReversingPasswordHasher;
import ai.cinatra.application.port.out.ConsentRepository;
import ai.cinatra.application.port.out.GrantRepository;
import ai.cinatra.application.port.out.PersonalAccessTokenRepository;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.access.PersonalAccessToken;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.AccountStatus;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.Grant;
import ai.cinatra.domain.oauth.GrantId;
import ai.cinatra.domain.oauth.OAuthClient;
import ai.cinatra.domain.oauth.RedirectUri;
import ai.cinatra.domain.oauth.ServerAddress;
import ai.cinatra.domain.oauth.TokenEndpointAuthMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The operator's use cases: the public URL, clients and disconnect, tokens, the first admin. */
class OperatorServicesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private final InMemorySettings settings = new InMemorySettings();
  private final InMemoryWorkspace audit = new InMemoryWorkspace();
  private final InMemoryAccountRepository accounts = new InMemoryAccountRepository();
  private final AccountService creator =
      new AccountService(accounts, new ReversingPasswordHasher(), clock, a -> {});

  @Test
  void thePublicUrl_isRefusedUnlessHttps_normalised_followedByEveryNodeWithinTheReread() {
    ServerAddressService node1 = address();
    ServerAddressService node2 = address();
    Actor admin = Actors.of(Role.ADMIN);
    assertThat(node2.current().issuer()).isEqualTo("http://localhost:3000");
    for (String bad :
        List.of(
            "http://x.example",
            "https://",
            "https://x.example/a",
            "https://x.example?q",
            "https://u:p@x.example",
            "not a url at all",
            "")) {
      assertThatThrownBy(() -> node1.setPublicUrl(admin, bad))
          .as(bad)
          .isInstanceOf(InvalidValueException.class);
    }
    assertThatThrownBy(() -> node1.setPublicUrl(Actors.of(Role.MEMBER), "https://x.example"))
        .isInstanceOf(ForbiddenException.class);
    assertThat(settings.values).isEmpty();

    var set = node1.setPublicUrl(admin, "https://Tunnel.Example.com/");
    assertThat(set.publicBaseUrl()).contains("https://tunnel.example.com");
    assertThat(set.mcpServerUrl()).isEqualTo("https://tunnel.example.com/api/mcp");
    assertThat(node1.current().mcpResource()).isEqualTo("https://tunnel.example.com/api/mcp");
    assertThat(node2.current().issuer())
        .as("node 2 read before, within 2 s")
        .isEqualTo("http://localhost:3000");
    clock.advance(Duration.ofSeconds(3));
    assertThat(node2.current().issuer()).isEqualTo("https://tunnel.example.com");
    int reads = settings.reads;
    node2.current();
    node2.current();
    assertThat(settings.reads).as("cached between rereads").isEqualTo(reads);
    assertThat(audit.audit)
        .extracting(e -> e.action() + ":" + e.outcome())
        .contains("public_url_set:refused", "public_url_set:ok");
  }

  @Test
  void clients_areFilteredByName_andADisconnectRevokesEveryGrantAndConsent_adminsOnly() {
    InMemoryClientRepository clients = new InMemoryClientRepository();
    var sessions = new ai.cinatra.application.fakes.InMemoryMcpSessionRepository();
    clients.add(client("mcp_a", "Claude Desktop"));
    clients.add(client("mcp_b", "Other tool"));
    clients.add(client("mcp_c", "claude.ai"));
    List<String> revoked = new ArrayList<>();
    List<String> forgotten = new ArrayList<>();
    ClientAdminService service =
        new ClientAdminService(
            clients,
            new GrantRepository() {
              @Override
              public void add(Grant grant) {}

              @Override
              public Optional<Grant> findById(GrantId id) {
                return Optional.empty();
              }

              @Override
              public void revoke(GrantId id, Instant at) {}

              @Override
              public int revokeAllOfClient(ClientId client, Instant at) {
                revoked.add(client.value());
                return 2;
              }
            },
            new ConsentRepository() {
              @Override
              public void remember(AccountId a, ClientId c, Set<String> s, Instant at) {}

              @Override
              public Optional<Set<String>> find(AccountId a, ClientId c) {
                return Optional.empty();
              }

              @Override
              public int forgetAllOfClient(ClientId client) {
                forgotten.add(client.value());
                return 1;
              }
            },
            sessions,
            audit,
            new DirectTransactions(),
            clock);
    var page =
        service.listClients(Actors.of(Role.VIEWER), Optional.of("CLAUDE"), Optional.empty(), 1);
    assertThat(page.clients())
        .extracting(l -> l.client().clientId().value())
        .containsExactly("mcp_a");
    var next =
        service.listClients(Actors.of(Role.VIEWER), Optional.of("claude"), page.nextCursor(), 1);
    assertThat(next.clients())
        .extracting(l -> l.client().clientId().value())
        .containsExactly("mcp_c");
    assertThat(next.nextCursor()).isEmpty();
    assertThatThrownBy(
            () ->
                service.listClients(
                    Actors.of(Role.ADMIN), Optional.of("c".repeat(101)), Optional.empty(), 10))
        .isInstanceOf(ai.cinatra.application.error.InvalidInputException.class)
        .hasMessageContaining("at most 100");
    assertThatThrownBy(
            () ->
                service.listClients(
                    Actors.of(Role.ADMIN), Optional.empty(), Optional.of("not a client id!"), 10))
        .hasMessageContaining("invalid cursor");

    assertThatThrownBy(() -> service.disconnect(Actors.of(Role.MEMBER), new ClientId("mcp_a")))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> service.disconnect(Actors.of(Role.ADMIN), new ClientId("mcp_zz")))
        .isInstanceOf(NotFoundException.class);
    assertThat(revoked).isEmpty();
    assertThat(service.disconnect(Actors.of(Role.ADMIN), new ClientId("mcp_a"))).isEqualTo(2);
    assertThat(revoked).containsExactly("mcp_a");
    assertThat(forgotten).containsExactly("mcp_a");
    assertThatThrownBy(
            () ->
                service.listClientsAsAdmin(
                    Actors.of(Role.MEMBER), Optional.empty(), Optional.empty(), 10))
        .isInstanceOf(ForbiddenException.class);
    assertThat(audit.audit)
        .extracting(e -> e.action() + ":" + e.outcome())
        .containsExactly(
            "mcp_client_disconnect:refused",
            "mcp_client_disconnect:not_found",
            "mcp_client_disconnect:ok");
  }

  @Test
  void personalTokens_areForAdmins_storedHashed_actAsTheAccountNow_andStopWhenRevoked() {
    Account admin = account("ops@example.org", Role.ADMIN);
    account("dev@example.org", Role.MEMBER);
    Map<String, PersonalAccessToken> stored = new LinkedHashMap<>();
    PersonalTokenService tokens = new PersonalTokenService(tokenStore(stored), accounts, clock);

    assertThatThrownBy(() -> tokens.create(new Email("dev@example.org"), "ci"))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> tokens.create(new Email("nobody@example.org"), "ci"))
        .isInstanceOf(NotFoundException.class);
    var created = tokens.create(new Email("ops@example.org"), "ci");
    assertThat(created.secret()).startsWith("cin_pat_").hasSizeGreaterThan(40);
    assertThat(stored.values())
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.tokenHash())
                    .isNotEqualTo(created.secret())
                    .doesNotContain(created.secret().substring(8)));

    Actor actor = tokens.authenticate(created.secret());
    assertThat(actor.account()).isEqualTo(admin.id());
    assertThat(actor.client().value()).isEqualTo("personal-token");
    accounts.updateRole(admin.id(), Role.MEMBER);
    assertThat(tokens.authenticate(created.secret()).role()).isEqualTo(Role.MEMBER);
    accounts.updateStatus(admin.id(), AccountStatus.DISABLED);
    assertThatThrownBy(() -> tokens.authenticate(created.secret()))
        .isInstanceOf(OAuthException.class)
        .hasMessageContaining("disabled");
    accounts.updateStatus(admin.id(), AccountStatus.ACTIVE);
    assertThat(tokens.revoke(created.token().id())).isTrue();
    assertThat(tokens.revoke(created.token().id())).isFalse();
    assertThatThrownBy(() -> tokens.authenticate(created.secret()))
        .isInstanceOf(OAuthException.class)
        .hasMessageContaining("unknown or revoked");
    assertThatThrownBy(() -> tokens.authenticate("cin_pat_guess"))
        .isInstanceOf(OAuthException.class);
  }

  @Test
  void theFirstAdmin_isCreatedOnce_andABadPasswordLeavesSetupOpen() {
    FirstRunService firstRun = new FirstRunService(accounts, settings, creator, clock);
    assertThat(firstRun.isOpen()).isTrue();
    assertThatThrownBy(() -> firstRun.createFirstAdmin(new Email("a@example.org"), "short"))
        .isInstanceOf(InvalidValueException.class);
    assertThat(firstRun.isOpen()).isTrue();
    var created = firstRun.createFirstAdmin(new Email("a@example.org"), "a long enough password");
    assertThat(created.account().role()).isEqualTo(Role.ADMIN);
    assertThat(firstRun.isOpen()).isFalse();
    assertThatThrownBy(
            () -> firstRun.createFirstAdmin(new Email("b@example.org"), "a long enough password"))
        .isInstanceOf(ConflictException.class);
    assertThat(accounts.list()).hasSize(1);
  }

  private ServerAddressService address() {
    return new ServerAddressService(
        new ServerAddress("http://localhost:3000"),
        settings,
        audit,
        new DirectTransactions(),
        clock);
  }

  private Account account(String email, Role role) {
    Account account =
        Account.create(
            new Email(email),
            role,
            new ai.cinatra.domain.account.PasswordHash("$argon2id$x"),
            clock.instant());
    accounts.add(account);
    return account;
  }

  private OAuthClient client(String id, String name) {
    return new OAuthClient(
        new ClientId(id),
        Optional.of(name),
        List.of(new RedirectUri("http://127.0.0.1/cb")),
        TokenEndpointAuthMethod.NONE,
        Optional.empty(),
        clock.instant(),
        Optional.empty(),
        Optional.empty());
  }

  private static PersonalAccessTokenRepository tokenStore(Map<String, PersonalAccessToken> stored) {
    return new PersonalAccessTokenRepository() {
      @Override
      public void add(PersonalAccessToken token) {
        stored.put(token.tokenHash(), token);
      }

      @Override
      public Optional<PersonalAccessToken> findByHash(String tokenHash) {
        return Optional.ofNullable(stored.get(tokenHash));
      }

      @Override
      public List<PersonalAccessToken> listOf(AccountId account) {
        return stored.values().stream().filter(t -> t.account().equals(account)).toList();
      }

      @Override
      public boolean revoke(UUID id, Instant at) {
        for (var e : stored.entrySet()) {
          PersonalAccessToken t = e.getValue();
          if (t.id().equals(id) && t.isActive()) {
            e.setValue(
                new PersonalAccessToken(
                    t.id(),
                    t.account(),
                    t.name(),
                    t.tokenHash(),
                    t.createdAt(),
                    t.lastUsedAt(),
                    Optional.of(at)));
            return true;
          }
        }
        return false;
      }

      @Override
      public void markUsed(UUID id, Instant at) {}
    };
  }
}
