package ai.cinatra.application.error;

/** The thing asked for does not exist, or the actor may not know that it does. */
public final class NotFoundException extends ApplicationException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
