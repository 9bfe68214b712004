package ai.cinatra.adapters.http.mcp.tool;

/**
 * A call needs a client capability the request did not declare (2026-07-28: -32021, 400); the
 * server asks nothing of a client that did not say it can answer.
 */
public final class MissingClientCapability extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String capability;

  public MissingClientCapability(String capability) {
    super(
        "this call needs the client capability '"
            + capability
            + "', which the request's clientCapabilities do not declare");
    this.capability = capability;
  }

  public String capability() {
    return capability;
  }
}
