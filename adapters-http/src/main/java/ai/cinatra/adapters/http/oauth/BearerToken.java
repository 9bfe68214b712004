package ai.cinatra.adapters.http.oauth;

import java.util.Optional;

/** The token of an {@code Authorization: Bearer} header (RFC 6750), the scheme in any case. */
public final class BearerToken {
  private static final String SCHEME = "Bearer ";

  private BearerToken() {}

  /** The token, or empty when the header is missing or names another scheme. */
  public static Optional<String> of(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    return Optional.of(authorization.substring(SCHEME.length()).strip());
  }
}
