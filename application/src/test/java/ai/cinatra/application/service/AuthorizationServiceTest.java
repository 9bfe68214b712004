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
import ai.cinatra.application.port.in.oauth.AuthorizationRequest;
import ai.cinatra.application.port.in.oauth.AuthorizeCommand;
import ai.cinatra.application.port.out.ConsentRepository;
import ai.cinatra.application.port.out.remote.ClientMetadataDocuments;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.AccountStatus;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.PasswordHash;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.oauth.AuthorizationCode;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.Grant;
import ai.cinatra.domain.oauth.OAuthClient;
import ai.cinatra.domain.oauth.OpaqueSecret;
import ai.cinatra.domain.oauth.RedirectUri;
import ai.cinatra.domain.oauth.Scopes;
import ai.cinatra.domain.oauth.ServerAddress;
import ai.cinatra.domain.oauth.TokenEndpointAuthMethod;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The authorization endpoint's rules with fakes of its out-ports: which faults go to the person and
 * which back to the client (RFC 6749 4.1.2.1), PKCE S256 only, the resource (RFC 8707), and what an
 * approval stores.
 */
class AuthorizationServiceTest {
  private static final String CALLBACK = "https://app.example/cb";
  private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T12:00:00Z"));
  private final InMemoryAccountRepository accounts = new InMemoryAccountRepository();
  private final InMemoryClientRepository clients = new InMemoryClientRepository();
  private final InMemoryGrants grants = new InMemoryGrants();
  private final InMemoryAuthorizationCodes codes = new InMemoryAuthorizationCodes();
  private final Map<String, Set<String>> consents = new HashMap<>();
  private final ClientMetadataDocuments noDocuments =
      url -> {
        throw new ClientMetadataDocuments.FetchFailedException("no documents in this test");
      };
  private final AuthorizationService service =
      new AuthorizationService(
          new ClientResolver(clients, noDocuments, false, clock),
          accounts,
          grants,
          codes,
          consentStore(),
          new DirectTransactions(),
          () -> new ServerAddress("https://cinatra.example"),
          clock);
  private final Account alice =
      Account.create(
          new Email("alice@example.org"), Role.MEMBER, new PasswordHash("fake$x"), clock.instant());

  AuthorizationServiceTest() {
    accounts.add(alice);
    clients.add(
        new OAuthClient(
            new ClientId("app"),
            Optional.of("An app"),
            List.of(new RedirectUri(CALLBACK), new RedirectUri("http://127.0.0.1/cb")),
            TokenEndpointAuthMethod.NONE,
            Optional.empty(),
            clock.instant(),
            Optional.empty(),
            Optional.empty()));
  }

  private static AuthorizeCommand command(
      String clientId, String redirectUri, String responseType, String method, String resource) {
    return new AuthorizeCommand(
        responseType,
        clientId,
        redirectUri,
        "mcp:connect offline_access made:up",
        "state-1",
        CHALLENGE,
        method,
        resource);
  }

  private static AuthorizeCommand good() {
    return command("app", CALLBACK, "code", "S256", "https://cinatra.example/api/mcp");
  }

  private OAuthException refusal(AuthorizeCommand command) {
    return catchThrowableOfType(OAuthException.class, () -> service.check(command));
  }

  @Test
  void aGoodRequest_namesTheClient_theKnownScopes_andThisServersMcpResource() {
    AuthorizationRequest request = service.check(good());
    assertThat(request.client().id()).isEqualTo(new ClientId("app"));
    assertThat(request.scopes())
        .containsExactlyInAnyOrder(Scopes.MCP_CONNECT, Scopes.OFFLINE_ACCESS);
    assertThat(request.state()).contains("state-1");
    assertThat(request.resource()).isEqualTo("https://cinatra.example/api/mcp");
    assertThat(request.redirectHost()).isEqualTo("app.example");
    // Loopback callbacks match on any port (RFC 8252), nothing else does.
    assertThat(service.check(command("app", "http://127.0.0.1:53124/cb", "code", "S256", null)))
        .isNotNull();
    assertThat(service.check(command("app", CALLBACK, "code", "S256", null)).resource())
        .isEqualTo("https://cinatra.example/api/mcp");
  }

  @Test
  void untilClientAndRedirectAreKnownGood_theFaultIsShownToThePerson_neverRedirected() {
    for (AuthorizeCommand command :
        List.of(
            command(null, CALLBACK, "code", "S256", null),
            command("unknown", CALLBACK, "code", "S256", null),
            command("app", null, "code", "S256", null),
            command("app", CALLBACK + "/", "code", "S256", null),
            command("app", "http://app.example/cb", "code", "S256", null),
            command("app", "https://evil.example/cb", "code", "S256", null))) {
      OAuthException e = refusal(command);
      assertThat(e).as(command.toString()).isNotNull();
      assertThat(e.redirect()).as(command.toString()).isEmpty();
    }
    assertThat(refusal(command("unknown", CALLBACK, "code", "S256", null)).code())
        .isEqualTo(Code.INVALID_CLIENT);
  }

  @Test
  void laterFaults_goBackToTheClient_withItsState() {
    Map<AuthorizeCommand, Code> faults =
        Map.of(
            command("app", CALLBACK, "token", "S256", null), Code.UNSUPPORTED_RESPONSE_TYPE,
            command("app", CALLBACK, "code", "plain", null), Code.INVALID_REQUEST,
            command("app", CALLBACK, "code", null, null), Code.INVALID_REQUEST,
            command("app", CALLBACK, "code", "S256", "https://elsewhere.example/api/mcp"),
                Code.INVALID_TARGET);
    faults.forEach(
        (command, code) -> {
          OAuthException e = refusal(command);
          assertThat(e.code()).as(command.toString()).isEqualTo(code);
          assertThat(e.redirect()).contains(new OAuthException.Redirect(CALLBACK, "state-1"));
        });
    AuthorizeCommand longState =
        new AuthorizeCommand(
            "code", "app", CALLBACK, null, "s".repeat(2001), CHALLENGE, "S256", null);
    // A state too long to send back is not sent back.
    assertThat(refusal(longState).redirect()).contains(new OAuthException.Redirect(CALLBACK, null));
  }

  @Test
  void approval_storesAGrant_aHashedSingleUseCode_andTheConsent() {
    AuthorizationRequest request = service.check(good());
    assertThat(service.isConsented(alice.id(), request)).isFalse();

    String code = service.approve(alice.id(), request);
    assertThat(codes.hashes()).containsExactly(OpaqueSecret.hash(code));
    AuthorizationCode stored = codes.findByHash(OpaqueSecret.hash(code)).orElseThrow();
    assertThat(stored.redirectUri()).isEqualTo(CALLBACK);
    assertThat(stored.expiresAt()).isEqualTo(clock.instant().plus(AuthorizationCode.LIFETIME));
    Grant grant = grants.findById(stored.grant()).orElseThrow();
    assertThat(grant.account()).isEqualTo(alice.id());
    assertThat(grant.scopes()).isEqualTo(request.scopes());
    assertThat(grant.resource()).isEqualTo("https://cinatra.example/api/mcp");
    assertThat(service.isConsented(alice.id(), request)).isTrue();

    AuthorizationRequest more =
        new AuthorizationRequest(
            request.client(),
            CALLBACK,
            Set.of(Scopes.MCP_CONNECT, Scopes.OFFLINE_ACCESS, "admin:everything"),
            Optional.empty(),
            request.pkce(),
            request.resource());
    assertThat(service.isConsented(alice.id(), more)).isFalse();
  }

  @Test
  void aDisabledAccount_cannotApprove_andNothingIsStored() {
    accounts.updateStatus(alice.id(), AccountStatus.DISABLED);
    AuthorizationRequest request = service.check(good());
    OAuthException e =
        catchThrowableOfType(OAuthException.class, () -> service.approve(alice.id(), request));
    assertThat(e.code()).isEqualTo(Code.ACCESS_DENIED);
    assertThat(e.redirect()).contains(new OAuthException.Redirect(CALLBACK, "state-1"));
    assertThat(grants.isEmpty()).isTrue();
    assertThat(codes.hashes()).isEmpty();
    assertThat(consents).isEmpty();
  }

  private ConsentRepository consentStore() {
    return new ConsentRepository() {
      @Override
      public void remember(AccountId account, ClientId client, Set<String> scopes, Instant at) {
        consents.put(account + " " + client, Set.copyOf(scopes));
      }

      @Override
      public Optional<Set<String>> find(AccountId account, ClientId client) {
        return Optional.ofNullable(consents.get(account + " " + client));
      }

      @Override
      public int forgetAllOfClient(ClientId client) {
        throw new UnsupportedOperationException("not an authorization's business");
      }
    };
  }
}
