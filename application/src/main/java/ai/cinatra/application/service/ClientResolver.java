package ai.cinatra.application.service;

import ai.cinatra.application.error.OAuthException;
import ai.cinatra.application.error.OAuthException.Code;
import ai.cinatra.application.port.out.ClientRepository;
import ai.cinatra.application.port.out.remote.ClientMetadataDocuments;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.ClientIdUrl;
import ai.cinatra.domain.oauth.ClientMetadataDocument;
import ai.cinatra.domain.oauth.OAuthClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the client a client_id names: a registered one in the store, or — for an https URL — the
 * client its metadata document describes (Client ID Metadata Documents, as MCP 2025-11-25 and
 * Claude use them), fetched when no current copy is stored and kept as long as its cache headers
 * say, within 5 minutes and 24 hours. A document that cannot be fetched or fails a check refuses
 * the client and stores nothing; an expired copy is never used instead.
 */
public final class ClientResolver {
  static final Duration MIN_CACHE = Duration.ofMinutes(5);
  static final Duration MAX_CACHE = Duration.ofHours(24);

  /** When the document's server says nothing about caching. */
  static final Duration DEFAULT_CACHE = Duration.ofHours(1);

  private final ClientRepository clients;
  private final ClientMetadataDocuments documents;
  private final boolean allowHttpLoopback;
  private final Clock clock;

  /**
   * @param allowHttpLoopback accept http://localhost and http://127.0.0.1 client_id URLs (tests and
   *     local development only)
   */
  public ClientResolver(
      ClientRepository clients,
      ClientMetadataDocuments documents,
      boolean allowHttpLoopback,
      Clock clock) {
    this.clients = clients;
    this.documents = documents;
    this.allowHttpLoopback = allowHttpLoopback;
    this.clock = clock;
  }

  /**
   * The client {@code clientId} names.
   *
   * @param unknown the refusal for an id that names no client (each endpoint words it its way)
   * @throws OAuthException invalid_request for a malformed client_id URL, invalid_client for a
   *     document that cannot be fetched or fails a check, or {@code unknown}
   */
  public OAuthClient resolve(String clientId, Supplier<OAuthException> unknown) {
    if (clientId.contains("://")) {
      return fromDocument(url(clientId));
    }
    try {
      return clients.findById(new ClientId(clientId)).orElseThrow(unknown);
    } catch (InvalidValueException e) {
      throw unknown.get();
    }
  }

  private ClientIdUrl url(String clientId) {
    try {
      return ClientIdUrl.parse(clientId, allowHttpLoopback);
    } catch (InvalidValueException e) {
      throw new OAuthException(Code.INVALID_REQUEST, e.getMessage());
    }
  }

  private OAuthClient fromDocument(ClientIdUrl url) {
    Instant now = clock.instant();
    ClientId id = new ClientId(url.value());
    Optional<OAuthClient> stored = clients.findById(id);
    if (stored.isPresent() && stored.get().isMetadataCurrentAt(now)) {
      return stored.get();
    }
    ClientMetadataDocument document;
    Duration cacheFor;
    try {
      ClientMetadataDocuments.Fetched fetched = documents.fetch(url);
      document = ClientMetadataDocument.check(url, fetched.json());
      cacheFor = bounded(fetched.maxAge().orElse(DEFAULT_CACHE));
    } catch (ClientMetadataDocuments.FetchFailedException | InvalidValueException e) {
      throw new OAuthException(
          Code.INVALID_CLIENT,
          "the client metadata document at " + url.value() + " cannot be used: " + e.getMessage());
    }
    OAuthClient fresh = document.toClient(now, now.plus(cacheFor));
    clients.saveFromMetadataDocument(fresh);
    // As stored: a client seen before keeps when it was first seen and last used.
    return clients.findById(id).orElse(fresh);
  }

  static Duration bounded(Duration maxAge) {
    if (maxAge.compareTo(MIN_CACHE) < 0) {
      return MIN_CACHE;
    }
    return maxAge.compareTo(MAX_CACHE) > 0 ? MAX_CACHE : maxAge;
  }
}
