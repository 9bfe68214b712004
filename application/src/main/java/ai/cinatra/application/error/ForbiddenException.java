package ai.cinatra.application.error;

/** The actor is known but may not do this. */
public final class ForbiddenException extends ApplicationException {
  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message) {
    super(message);
  }
}
