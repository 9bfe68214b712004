package ai.cinatra.application.service;

import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.error.OAuthException.Code;
import ai.cinatra.application.port.in.oauth.RegisterClientCommand;
import ai.cinatra.application.port.in.oauth.RegisterClientUseCase;
import ai.cinatra.application.port.in.oauth.RegisteredClient;
import ai.cinatra.application.port.out.ClientRepository;
import ai.cinatra.application.port.out.GrantRepository;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.OAuthClient;
import ai.cinatra.domain.oauth.OpaqueSecret;
import ai.cinatra.domain.oauth.RedirectUri;
import ai.cinatra.domain.oauth.TokenEndpointAuthMethod;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Registers clients (RFC 7591), deletes a registration its client asks to end (RFC 7592), and
 * removes the ones that registered but never came back.
 */
public final class ClientRegistrationService implements RegisterClientUseCase {
  private static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token");

  private final ClientRepository clients;
  private final GrantRepository grants;
  private final Clock clock;
  private final RateLimiter perAddress;

  /**
   * @param burst registrations one address may make at once
   * @param refillEvery how soon one more registration becomes available to that address
   */
  public ClientRegistrationService(
      ClientRepository clients,
      GrantRepository grants,
      Clock clock,
      int burst,
      Duration refillEvery) {
    this.clients = clients;
    this.grants = grants;
    this.clock = clock;
    this.perAddress = new RateLimiter(burst, refillEvery);
  }

  @Override
  public RegisteredClient register(RegisterClientCommand command) {
    if (!perAddress.tryAcquire(String.valueOf(command.sourceAddress()), clock.instant())) {
      throw new OAuthException(
          Code.SLOW_DOWN, "too many registrations from this address; retry later");
    }
    List<RedirectUri> redirectUris = redirectUris(command.redirectUris());
    TokenEndpointAuthMethod method = authMethod(command.tokenEndpointAuthMethod());
    checkSubset("grant_types", command.grantTypes(), GRANT_TYPES);
    checkSubset("response_types", command.responseTypes(), Set.of("code"));
    Optional<String> secret =
        method.isConfidential() ? Optional.of(OpaqueSecret.generate()) : Optional.empty();
    OAuthClient client;
    try {
      client =
          new OAuthClient(
              ClientId.random(),
              Optional.ofNullable(command.clientName()),
              redirectUris,
              method,
              secret.map(OpaqueSecret::hash),
              clock.instant(),
              Optional.empty(),
              Optional.empty());
    } catch (InvalidValueException e) {
      throw new OAuthException(Code.INVALID_CLIENT_METADATA, e.getMessage());
    }
    clients.add(client);
    String registrationToken = OpaqueSecret.generate();
    clients.saveRegistrationToken(client.id(), OpaqueSecret.hash(registrationToken));
    return new RegisteredClient(client, secret, registrationToken);
  }

  @Override
  public void delete(String clientId, String registrationToken) {
    OAuthException refused =
        new OAuthException(Code.INVALID_TOKEN, "the registration access token is not valid");
    ClientId id;
    try {
      id = new ClientId(clientId == null ? "" : clientId);
    } catch (InvalidValueException e) {
      throw refused;
    }
    Optional<String> stored = clients.findRegistrationToken(id);
    if (registrationToken == null
        || stored.isEmpty()
        || !OpaqueSecret.matches(registrationToken, stored.get())) {
      throw refused;
    }
    // Grants first: once they are revoked the client's tokens are refused on every node, and a
    // registration left behind by a failed delete is inert until the next attempt.
    grants.revokeAllOfClient(id, clock.instant());
    clients.delete(id);
  }

  /** Deletes clients never used within {@code unusedFor} of registering; returns how many. */
  public int deleteAbandonedClients(Duration unusedFor) {
    return clients.deleteNeverUsedRegisteredBefore(clock.instant().minus(unusedFor));
  }

  private static List<RedirectUri> redirectUris(List<String> requested) {
    if (requested == null || requested.isEmpty()) {
      throw new OAuthException(Code.INVALID_REDIRECT_URI, "redirect_uris is required");
    }
    if (requested.size() > OAuthClient.MAX_REDIRECT_URIS) {
      throw new OAuthException(
          Code.INVALID_REDIRECT_URI,
          "redirect_uris may name at most " + OAuthClient.MAX_REDIRECT_URIS + " URIs");
    }
    List<RedirectUri> uris = new ArrayList<>();
    for (String uri : requested) {
      try {
        uris.add(new RedirectUri(uri));
      } catch (InvalidValueException e) {
        // One unusable URI refuses the whole registration, naming it, so the client can tell why.
        throw new OAuthException(Code.INVALID_REDIRECT_URI, e.getMessage());
      }
    }
    return uris;
  }

  private static TokenEndpointAuthMethod authMethod(String requested) {
    try {
      return TokenEndpointAuthMethod.parse(requested);
    } catch (InvalidValueException e) {
      throw new OAuthException(Code.INVALID_CLIENT_METADATA, e.getMessage());
    }
  }

  private static void checkSubset(String field, List<String> requested, Set<String> supported) {
    if (requested == null) {
      return;
    }
    for (String value : requested) {
      if (!supported.contains(value)) {
        throw new OAuthException(
            Code.INVALID_CLIENT_METADATA,
            field
                + " may contain only "
                + String.join(", ", supported.stream().sorted().toList())
                + ", not "
                + value);
      }
    }
  }
}
