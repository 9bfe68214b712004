package ai.cinatra.adapters.http.mcp.tool;

/** A request to the client that could not be made or was not answered with a result. */
public final class ClientRequestFailedException extends RuntimeException {
  public ClientRequestFailedException(String message) {
    super(message);
  }
}
