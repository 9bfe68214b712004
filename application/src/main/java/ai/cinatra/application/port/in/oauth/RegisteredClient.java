package ai.cinatra.application.port.in.oauth;

import ai.cinatra.domain.oauth.OAuthClient;
import java.util.Optional;

/**
 * A client just registered and, for a confidential one, its secret: returned once, stored hashed.
 */
public record RegisteredClient(OAuthClient client, Optional<String> secret) {
  @Override
  public String toString() {
    return "RegisteredClient[client=" + client + "]";
  }
}
