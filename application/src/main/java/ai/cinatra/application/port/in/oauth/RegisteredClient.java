package ai.cinatra.application.port.in.oauth;

import ai.cinatra.domain.oauth.OAuthClient;
import java.util.Optional;

/**
 * A client just registered, its registration access token (RFC 7592) and, for a confidential one,
 * its secret: each returned once, stored hashed.
 */
public record RegisteredClient(
    OAuthClient client, Optional<String> secret, String registrationToken) {
  @Override
  public String toString() {
    return "RegisteredClient[client=" + client + "]";
  }
}
