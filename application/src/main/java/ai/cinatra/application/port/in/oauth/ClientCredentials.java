package ai.cinatra.application.port.in.oauth;

/**
 * How a client identified itself at the token, revocation or introspection endpoint: a client id,
 * and a secret for confidential clients (from HTTP Basic or the form).
 */
public record ClientCredentials(String clientId, String secret) {
  @Override
  public String toString() {
    return "ClientCredentials[clientId=" + clientId + "]";
  }
}
