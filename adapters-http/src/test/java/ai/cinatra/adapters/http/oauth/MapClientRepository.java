package ai.cinatra.adapters.http.oauth;

import ai.cinatra.application.port.out.ClientRepository;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.OAuthClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Clients in a map: the out-port fake behind the real registration service in HTTP tests. */
final class MapClientRepository implements ClientRepository {
  final Map<ClientId, OAuthClient> clients = new ConcurrentHashMap<>();
  private final Map<ClientId, String> registrationTokens = new ConcurrentHashMap<>();

  @Override
  public void add(OAuthClient client) {
    clients.put(client.id(), client);
  }

  @Override
  public Optional<OAuthClient> findById(ClientId id) {
    return Optional.ofNullable(clients.get(id));
  }

  @Override
  public void saveFromMetadataDocument(OAuthClient client) {
    clients.put(client.id(), client);
  }

  @Override
  public void markUsed(ClientId id, Instant at) {}

  @Override
  public void saveRegistrationToken(ClientId id, String tokenHash) {
    registrationTokens.put(id, tokenHash);
  }

  @Override
  public Optional<String> findRegistrationToken(ClientId id) {
    return Optional.ofNullable(registrationTokens.get(id));
  }

  @Override
  public boolean delete(ClientId id) {
    registrationTokens.remove(id);
    return clients.remove(id) != null;
  }

  @Override
  public int deleteNeverUsedRegisteredBefore(Instant cutoff) {
    return 0;
  }

  @Override
  public List<ai.cinatra.domain.oauth.ConnectedClient> listConnected(
      Optional<String> nameContains, boolean claudeOnly, Optional<ClientId> after, int limit) {
    throw new UnsupportedOperationException("the OAuth resource tests list no clients");
  }

  @Override
  public Optional<ai.cinatra.domain.oauth.ConnectedClient> findConnected(ClientId id) {
    throw new UnsupportedOperationException("the OAuth resource tests list no clients");
  }
}
