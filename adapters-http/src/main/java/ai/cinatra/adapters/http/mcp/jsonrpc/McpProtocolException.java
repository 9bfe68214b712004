package ai.cinatra.adapters.http.mcp.jsonrpc;

/** A fault the client caused, answered as a JSON-RPC error with this code. */
public final class McpProtocolException extends RuntimeException {
  private final int code;

  public McpProtocolException(int code, String message) {
    super(message);
    this.code = code;
  }

  public int code() {
    return code;
  }
}
