package ai.cinatra.bootstrap;

/** A reason the server or a command cannot run, worded for the operator in one line. */
public final class StartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
