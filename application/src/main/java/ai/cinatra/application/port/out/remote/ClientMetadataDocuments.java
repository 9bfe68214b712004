package ai.cinatra.application.port.out.remote;

import ai.cinatra.domain.oauth.ClientIdUrl;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Fetches a client's metadata document from its client_id URL: only from public addresses (or
 * loopback over http, when the server allows it for tests), connecting to the address it checked,
 * following no redirect, with a short timeout and a small size cap.
 */
public interface ClientMetadataDocuments {

  /** The document as parsed JSON, and how long its server says it may be cached, if it says. */
  record Fetched(Map<String, Object> json, Optional<Duration> maxAge) {
    public Fetched {
      if (json == null || maxAge == null) {
        throw new IllegalArgumentException("a fetched document has its JSON and its cache life");
      }
    }
  }

  /**
   * Why a document could not be had; the message says it in words a client developer can act on.
   */
  final class FetchFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FetchFailedException(String message) {
      super(message);
    }
  }

  /**
   * @throws FetchFailedException when the host is not public, cannot be reached, does not answer
   *     200 with a JSON object in time, redirects, or answers more than the size cap
   */
  Fetched fetch(ClientIdUrl url);
}
