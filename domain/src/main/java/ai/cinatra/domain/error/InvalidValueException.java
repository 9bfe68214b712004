package ai.cinatra.domain.error;

/** Thrown when a value breaks a domain invariant; its message is safe to show to the caller. */
public class InvalidValueException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidValueException(String message) {
    super(message);
  }
}
