package ai.cinatra.application.service;

import ai.cinatra.application.port.in.mcp.RequestStatesUseCase;
import ai.cinatra.application.port.out.Sealer;
import ai.cinatra.domain.access.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Request state sealed with the deployment's key (every node opens what any node sealed), with the
 * account, the request it belongs to and an expiry inside the seal, as the MCP 2026-07-28 MRTR
 * pattern asks of a server whose state matters.
 */
public final class RequestStateService implements RequestStatesUseCase {
  /** Long enough for a person to answer a question in their client; short enough not to linger. */
  static final Duration LIFETIME = Duration.ofMinutes(30);

  private static final String PURPOSE = "mcp-request-state";
  private static final char SEPARATOR = '\n';

  private final Sealer sealer;
  private final Clock clock;

  public RequestStateService(Sealer sealer, Clock clock) {
    this.sealer = sealer;
    this.clock = clock;
  }

  @Override
  public String seal(Actor actor, String boundTo, String payload) {
    Instant expires = clock.instant().plus(LIFETIME);
    return sealer.seal(
        PURPOSE,
        actor.account().value()
            + String.valueOf(SEPARATOR)
            + boundTo.replace(SEPARATOR, ' ')
            + SEPARATOR
            + expires.getEpochSecond()
            + SEPARATOR
            + payload);
  }

  @Override
  public Optional<String> open(Actor actor, String boundTo, String state) {
    if (state == null || state.isEmpty() || state.length() > 1_000_000) {
      return Optional.empty();
    }
    return sealer
        .open(PURPOSE, state)
        .flatMap(
            plain -> {
              String[] parts = plain.split(String.valueOf(SEPARATOR), 4);
              if (parts.length != 4
                  || !parts[0].equals(actor.account().value().toString())
                  || !parts[1].equals(boundTo.replace(SEPARATOR, ' '))) {
                return Optional.empty();
              }
              long expires;
              try {
                expires = Long.parseLong(parts[2]);
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
              return clock.instant().getEpochSecond() < expires
                  ? Optional.of(parts[3])
                  : Optional.empty();
            });
  }
}
