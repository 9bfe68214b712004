package ai.cinatra.application.error;

import java.util.Optional;

/**
 * A refusal an OAuth endpoint reports with the RFC's error code (RFC 6749 section 5.2, RFC 7591
 * section 3.2.2, RFC 8707); the description is safe to show to the client.
 */
public final class OAuthException extends ApplicationException {
  private static final long serialVersionUID = 1L;

  /** The error codes the RFCs define, with the HTTP status each is answered with. */
  public enum Code {
    INVALID_REQUEST("invalid_request", 400),
    ACCESS_DENIED("access_denied", 400),
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type", 400),
    INVALID_CLIENT("invalid_client", 401),
    INVALID_GRANT("invalid_grant", 400),
    UNAUTHORIZED_CLIENT("unauthorized_client", 400),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
    INVALID_SCOPE("invalid_scope", 400),
    INVALID_TARGET("invalid_target", 400),
    INVALID_REDIRECT_URI("invalid_redirect_uri", 400),
    INVALID_CLIENT_METADATA("invalid_client_metadata", 400),
    SLOW_DOWN("slow_down", 429),
    /** RFC 6750: a bearer token that is missing, malformed, expired, revoked or for elsewhere. */
    INVALID_TOKEN("invalid_token", 401);

    private final String wireName;
    private final int httpStatus;

    Code(String wireName, int httpStatus) {
      this.wireName = wireName;
      this.httpStatus = httpStatus;
    }

    public String wireName() {
      return wireName;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  /** Where an authorization error may be sent back to the client, with the request's state. */
  public record Redirect(String redirectUri, String state) {}

  private final Code code;
  private final transient Redirect redirect;

  public OAuthException(Code code, String description) {
    this(code, description, null);
  }

  /**
   * An error of the authorization endpoint; with a redirect it goes back to the client, without one
   * it is shown to the person (the client or its redirect URI cannot be trusted).
   */
  public OAuthException(Code code, String description, Redirect redirect) {
    super(description);
    this.code = code;
    this.redirect = redirect;
  }

  public Code code() {
    return code;
  }

  public Optional<Redirect> redirect() {
    return Optional.ofNullable(redirect);
  }
}
