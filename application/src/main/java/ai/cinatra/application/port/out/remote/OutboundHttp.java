package ai.cinatra.application.port.out.remote;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Calls to the outside: a request to a configured URL, with timeouts, a response size cap and no
 * redirects followed.
 */
public interface OutboundHttp {

  /**
   * One call: the method, the URL, headers, an optional JSON body, and a time limit shorter than
   * the adapter's own when the caller has one.
   */
  record Request(
      String method,
      URI url,
      Map<String, String> headers,
      Optional<Map<String, Object>> body,
      Optional<Duration> timeout) {
    public Request {
      headers = Map.copyOf(headers);
    }
  }

  /** What came back: the status and the body (parsed JSON when it was JSON, else text). */
  record Reply(int status, Object body) {}

  /**
   * @throws ai.cinatra.application.error.UpstreamException when the call fails: unreachable, too
   *     slow, too large an answer, or a redirect
   */
  Reply send(Request request);
}
