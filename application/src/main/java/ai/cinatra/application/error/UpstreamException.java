package ai.cinatra.application.error;

/**
 * Something outside answered badly or not at all: a connector, a webhook or the model provider was
 * unreachable, too slow, too large, or said no. Not the caller's input; the message says which
 * service and what happened.
 */
public final class UpstreamException extends ApplicationException {
  private static final long serialVersionUID = 1L;

  public UpstreamException(String message) {
    super(message);
  }
}
