package ai.cinatra.application.error;

/** The request is malformed in a way a caller can fix. */
public final class InvalidInputException extends ApplicationException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }
}
