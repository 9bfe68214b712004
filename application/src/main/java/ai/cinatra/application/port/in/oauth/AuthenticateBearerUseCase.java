package ai.cinatra.application.port.in.oauth;

import ai.cinatra.domain.access.Actor;

/** Turns a presented bearer token into the actor behind it, or refuses it. */
public interface AuthenticateBearerUseCase {

  /**
   * @throws ai.cinatra.application.error.OAuthException with code invalid_token when the token is
   *     missing, malformed, expired, not ours, for another resource, or its grant or account no
   *     longer stands
   */
  Actor authenticate(String bearerToken);
}
