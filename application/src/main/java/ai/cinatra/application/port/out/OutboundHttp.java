package ai.cinatra.application.port.out;

import java.net.URI;
import java.util.Map;

/**
 * Calls to the outside: JSON to a configured URL, with timeouts, a response size cap and no
 * redirects followed.
 */
public interface OutboundHttp {

  /** What came back: the status and the body (parsed JSON when it was JSON, else text). */
  record Reply(int status, Object body) {}

  /**
   * @throws ai.cinatra.application.error.InvalidInputException when the call fails: unreachable,
   *     too slow, too large an answer, or a redirect
   */
  Reply postJson(URI url, Map<String, String> headers, Map<String, Object> body);
}
