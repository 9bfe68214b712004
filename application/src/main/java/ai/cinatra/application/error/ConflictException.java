package ai.cinatra.application.error;

/** The request clashes with the current state, such as a duplicate or a stale version. */
public final class ConflictException extends ApplicationException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }
}
