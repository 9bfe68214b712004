package ai.cinatra.application.fakes;

import ai.cinatra.application.port.out.ClientRepository;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.ConnectedClient;
import ai.cinatra.domain.oauth.OAuthClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A ClientRepository in a map, for service tests. */
public final class InMemoryClientRepository implements ClientRepository {
  private final Map<ClientId, OAuthClient> clients = new LinkedHashMap<>();
  private final Map<ClientId, String> registrationTokens = new LinkedHashMap<>();

  @Override
  public synchronized void add(OAuthClient client) {
    clients.put(client.id(), client);
  }

  @Override
  public synchronized Optional<OAuthClient> findById(ClientId id) {
    return Optional.ofNullable(clients.get(id));
  }

  @Override
  public synchronized void saveFromMetadataDocument(OAuthClient client) {
    OAuthClient before = clients.get(client.id());
    clients.put(
        client.id(),
        before == null
            ? client
            : new OAuthClient(
                client.id(),
                client.name(),
                client.redirectUris(),
                client.authMethod(),
                client.secretHash(),
                before.createdAt(),
                before.lastUsedAt(),
                client.metadataValidUntil()));
  }

  @Override
  public synchronized void saveRegistrationToken(ClientId id, String tokenHash) {
    registrationTokens.put(id, tokenHash);
  }

  @Override
  public synchronized Optional<String> findRegistrationToken(ClientId id) {
    return Optional.ofNullable(registrationTokens.get(id));
  }

  @Override
  public synchronized boolean delete(ClientId id) {
    registrationTokens.remove(id);
    return clients.remove(id) != null;
  }

  @Override
  public synchronized void markUsed(ClientId id, Instant at) {
    clients.computeIfPresent(
        id,
        (k, c) ->
            new OAuthClient(
                c.id(),
                c.name(),
                c.redirectUris(),
                c.authMethod(),
                c.secretHash(),
                c.createdAt(),
                Optional.of(at),
                c.metadataValidUntil()));
  }

  @Override
  public synchronized int deleteNeverUsedRegisteredBefore(Instant cutoff) {
    List<ClientId> doomed =
        clients.values().stream()
            .filter(c -> c.lastUsedAt().isEmpty() && c.createdAt().isBefore(cutoff))
            .map(OAuthClient::id)
            .toList();
    doomed.forEach(clients::remove);
    return doomed.size();
  }

  /** Clients by id; the fake knows no grants, so no one is connected through them. */
  @Override
  public synchronized List<ConnectedClient> listConnected(
      Optional<String> nameContains, boolean claudeOnly, Optional<ClientId> after, int limit) {
    return clients.values().stream()
        .filter(c -> !claudeOnly || OAuthClient.isClaude(c.id(), c.name()))
        .filter(
            c ->
                nameContains.isEmpty()
                    || c.name()
                        .map(
                            n ->
                                n.toLowerCase(Locale.ROOT)
                                    .contains(nameContains.get().toLowerCase(Locale.ROOT)))
                        .orElse(false))
        .filter(c -> after.isEmpty() || c.id().value().compareTo(after.get().value()) > 0)
        .sorted(java.util.Comparator.comparing(c -> c.id().value()))
        .limit(limit)
        .map(c -> new ConnectedClient(c.id(), c.name(), c.createdAt(), c.lastUsedAt(), List.of()))
        .toList();
  }

  @Override
  public synchronized Optional<ConnectedClient> findConnected(ClientId id) {
    return Optional.ofNullable(clients.get(id))
        .map(c -> new ConnectedClient(c.id(), c.name(), c.createdAt(), c.lastUsedAt(), List.of()));
  }

  public synchronized List<OAuthClient> all() {
    return List.copyOf(clients.values());
  }
}
