package ai.cinatra.application.port.in.oauth;

import java.util.Optional;

/** What the token endpoint hands a client (RFC 6749 5.1). */
public record TokenResponse(
    String accessToken, long expiresInSeconds, Optional<String> refreshToken, String scope) {
  @Override
  public String toString() {
    return "TokenResponse[expiresInSeconds=" + expiresInSeconds + ", scope=" + scope + "]";
  }
}
