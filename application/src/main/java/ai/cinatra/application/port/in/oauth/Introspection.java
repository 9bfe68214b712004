package ai.cinatra.application.port.in.oauth;

import java.time.Instant;
import java.util.Optional;

/**
 * What introspection (RFC 7662) tells: whether a token is active now and, if so, about it. An
 * inactive answer says nothing else, so it reveals nothing about tokens that do not stand.
 */
public record Introspection(
    boolean active,
    Optional<String> tokenType,
    Optional<String> clientId,
    Optional<String> subject,
    Optional<String> scope,
    Optional<String> audience,
    Optional<Instant> expiresAt) {

  public static Introspection inactive() {
    return new Introspection(
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
