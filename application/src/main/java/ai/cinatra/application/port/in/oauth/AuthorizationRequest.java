package ai.cinatra.application.port.in.oauth;

import ai.cinatra.domain.oauth.OAuthClient;
import ai.cinatra.domain.oauth.Pkce;
import java.util.Optional;
import java.util.Set;

/** An authorization request that passed every check: what the person is asked to approve. */
public record AuthorizationRequest(
    OAuthClient client,
    String redirectUri,
    Set<String> scopes,
    Optional<String> state,
    Pkce pkce,
    String resource) {

  /** The host the person will be sent to, shown on the consent page. */
  public String redirectHost() {
    return client.redirectUriMatching(redirectUri).orElseThrow().displayHost();
  }
}
