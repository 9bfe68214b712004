package ai.cinatra.adapters.http.mcp;

import ai.cinatra.application.port.in.mcp.RequestStatesUseCase;
import ai.cinatra.domain.access.Actor;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request state kept here under random handles: any other string, or another account, opens to
 * nothing.
 */
final class InMemoryRequestStates implements RequestStatesUseCase {
  private record Kept(String account, String boundTo, String payload) {}

  private final Map<String, Kept> kept = new ConcurrentHashMap<>();

  @Override
  public String seal(Actor actor, String boundTo, String payload) {
    String handle = "state-" + UUID.randomUUID();
    kept.put(handle, new Kept(actor.account().toString(), boundTo, payload));
    return handle;
  }

  @Override
  public Optional<String> open(Actor actor, String boundTo, String state) {
    return Optional.ofNullable(kept.get(state))
        .filter(k -> k.account().equals(actor.account().toString()) && k.boundTo().equals(boundTo))
        .map(Kept::payload);
  }
}
