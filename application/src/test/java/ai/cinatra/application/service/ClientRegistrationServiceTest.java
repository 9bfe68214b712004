package ai.cinatra.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.fakes.InMemoryClientRepository;
import ai.cinatra.application.fakes.InMemoryGrants;
import ai.cinatra.application.fakes.MutableClock;
import ai.cinatra.application.port.in.oauth.RegisterClientCommand;
import ai.cinatra.application.port.in.oauth.RegisteredClient;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.oauth.Grant;
import ai.cinatra.domain.oauth.GrantId;
import ai.cinatra.domain.oauth.OpaqueSecret;
import ai.cinatra.domain.oauth.TokenEndpointAuthMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ClientRegistrationServiceTest {
  private static final String CLAUDE = "https://claude.ai/api/mcp/auth_callback";

  private final InMemoryClientRepository clients = new InMemoryClientRepository();
  private final InMemoryGrants grants = new InMemoryGrants();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private final ClientRegistrationService service =
      new ClientRegistrationService(clients, grants, clock, 3, Duration.ofSeconds(10));

  private static RegisterClientCommand request(String name, List<String> uris, String method) {
    return new RegisterClientCommand(
        name,
        uris,
        method,
        List.of("authorization_code", "refresh_token"),
        List.of("code"),
        "1.2.3.4");
  }

  private static void assertRefused(ThrowingCallable call, String code, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            OAuthException.class, e -> assertThat(e.code().wireName()).isEqualTo(code))
        .hasMessageContaining(message);
  }

  @Test
  void publicClient_isStoredWithoutSecret() {
    RegisteredClient registered = service.register(request("Claude", List.of(CLAUDE), "none"));

    assertThat(registered.secret()).isEmpty();
    assertThat(registered.client().authMethod()).isEqualTo(TokenEndpointAuthMethod.NONE);
    assertThat(clients.all()).containsExactly(registered.client());
  }

  @Test
  void confidentialClient_getsASecretOnceAndOnlyItsHashIsStored() {
    RegisteredClient registered =
        service.register(request("Other", List.of(CLAUDE), "client_secret_post"));

    String secret = registered.secret().orElseThrow();
    String stored = clients.all().get(0).secretHash().orElseThrow();
    assertThat(stored).isNotEqualTo(secret);
    assertThat(OpaqueSecret.matches(secret, stored)).isTrue();
  }

  @Test
  void theRegistrationAccessToken_isGivenOnce_storedHashed_andDeletesTheRegistrationAndItsGrants() {
    RegisteredClient registered = service.register(request("Doctor", List.of(CLAUDE), "none"));
    RegisteredClient other = service.register(request("Other", List.of(CLAUDE), "none"));
    String stored = clients.findRegistrationToken(registered.client().id()).orElseThrow();
    assertThat(stored).isNotEqualTo(registered.registrationToken());
    assertThat(OpaqueSecret.matches(registered.registrationToken(), stored)).isTrue();
    Grant grant =
        new Grant(
            GrantId.random(),
            AccountId.random(),
            registered.client().id(),
            java.util.Set.of("mcp:connect"),
            "https://cinatra.example.org/api/mcp",
            clock.instant(),
            java.util.Optional.empty());
    grants.add(grant);

    String id = registered.client().id().value();
    // Another client's token, no token, a wrong one, an unknown or malformed id: refused alike.
    for (String[] attempt :
        new String[][] {
          {id, other.registrationToken()},
          {id, null},
          {id, "guess"},
          {"mcp_unknown", registered.registrationToken()},
          {"not an id\n", registered.registrationToken()}
        }) {
      assertRefused(
          () -> service.delete(attempt[0], attempt[1]),
          "invalid_token",
          "the registration access token is not valid");
    }
    assertThat(clients.all()).hasSize(2);

    service.delete(id, registered.registrationToken());
    assertThat(clients.all()).containsExactly(other.client());
    assertThat(grants.findById(grant.id()).orElseThrow().revokedAt()).isPresent();
    assertRefused(
        () -> service.delete(id, registered.registrationToken()), "invalid_token", "not valid");
  }

  @Test
  void oneBadRedirectUri_refusesTheRegistrationNamingIt() {
    assertRefused(
        () -> service.register(request("x", List.of(CLAUDE, "http://evil.example/cb"), "none")),
        "invalid_redirect_uri",
        "http://evil.example/cb");
    assertRefused(
        () -> service.register(request("x", List.of(), "none")),
        "invalid_redirect_uri",
        "redirect_uris is required");
    assertRefused(
        () -> service.register(request("x", Collections.nCopies(11, CLAUDE), "none")),
        "invalid_redirect_uri",
        "at most 10");
    assertThat(clients.all()).isEmpty();
  }

  @Test
  void badMetadata_isInvalidClientMetadata() {
    assertRefused(
        () -> service.register(request("x", List.of(CLAUDE), "private_key_jwt")),
        "invalid_client_metadata",
        "token_endpoint_auth_method");
    assertRefused(
        () ->
            service.register(
                new RegisterClientCommand(
                    "x", List.of(CLAUDE), "none", List.of("client_credentials"), null, "a")),
        "invalid_client_metadata",
        "grant_types");
    assertRefused(
        () ->
            service.register(
                new RegisterClientCommand(
                    "x", List.of(CLAUDE), "none", null, List.of("token"), "a")),
        "invalid_client_metadata",
        "response_types");
    assertRefused(
        () -> service.register(request("n".repeat(201), List.of(CLAUDE), "none")),
        "invalid_client_metadata",
        "client_name");
    assertThat(clients.all()).isEmpty();
  }

  @Test
  void rateLimit_isPerAddressAndRefills() {
    for (int i = 0; i < 3; i++) {
      service.register(request("Claude", List.of(CLAUDE), "none"));
    }
    assertRefused(
        () -> service.register(request("Claude", List.of(CLAUDE), "none")),
        "slow_down",
        "retry later");
    // Another address is not affected by the busy one.
    service.register(
        new RegisterClientCommand("Claude", List.of(CLAUDE), "none", null, null, "5.6.7.8"));

    clock.advance(Duration.ofSeconds(10));
    service.register(request("Claude", List.of(CLAUDE), "none"));
    assertThat(clients.all()).hasSize(5);
  }

  @Test
  void cleanup_deletesOnlyClientsNeverUsedSinceTheCutoff() {
    RegisteredClient abandoned = service.register(request("a", List.of(CLAUDE), "none"));
    RegisteredClient used = service.register(request("b", List.of(CLAUDE), "none"));
    clients.markUsed(used.client().id(), clock.instant());
    clock.advance(Duration.ofHours(25));
    RegisteredClient fresh = service.register(request("c", List.of(CLAUDE), "none"));

    assertThat(service.deleteAbandonedClients(Duration.ofHours(24))).isEqualTo(1);
    assertThat(clients.findById(abandoned.client().id())).isEmpty();
    assertThat(clients.findById(used.client().id())).isPresent();
    assertThat(clients.findById(fresh.client().id())).isPresent();
  }
}
