package ai.cinatra.adapters.http.mcp.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Ends a 2026-07-28 call that needs answers from the client first: the protocol answers with an
 * input_required result carrying these requests, and the client retries with the answers.
 */
public final class InputRequired extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ObjectNode requests;

  /**
   * @param requests by key: each {@code {"method": ..., "params": {...}}}
   */
  public InputRequired(ObjectNode requests) {
    super("input required: " + requests.size() + " request(s)", null, false, false);
    this.requests = requests.deepCopy();
  }

  public ObjectNode requests() {
    return requests.deepCopy();
  }
}
