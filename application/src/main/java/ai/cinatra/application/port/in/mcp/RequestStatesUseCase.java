package ai.cinatra.application.port.in.mcp;

import ai.cinatra.domain.access.Actor;
import java.util.Optional;

/**
 * The state a server hands a client between the rounds of one request (MCP 2026-07-28
 * requestState): sealed against change, bound to the account and to what was asked, and short-
 * lived, so that a client can carry it back but neither read, alter, replay elsewhere nor keep it.
 */
public interface RequestStatesUseCase {

  /** Seals {@code payload} for this actor and for the request it belongs to ({@code boundTo}). */
  String seal(Actor actor, String boundTo, String payload);

  /**
   * The payload, or empty when the state was altered, sealed for another account or request, or has
   * expired.
   */
  Optional<String> open(Actor actor, String boundTo, String state);
}
