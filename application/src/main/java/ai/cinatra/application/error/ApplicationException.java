package ai.cinatra.application.error;

/**
 * The family of failures a use case reports; adapters map each kind once, and messages are safe to
 * show.
 */
public abstract sealed class ApplicationException extends RuntimeException
    permits NotFoundException,
        ForbiddenException,
        ConflictException,
        InvalidInputException,
        UpstreamException,
        OAuthException {
  private static final long serialVersionUID = 1L;

  protected ApplicationException(String message) {
    super(message);
  }
}
