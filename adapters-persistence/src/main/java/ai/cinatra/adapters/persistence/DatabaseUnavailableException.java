package ai.cinatra.adapters.persistence;

/** The database could not be reached or brought up to date; the server cannot start without it. */
public final class DatabaseUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
