package ai.cinatra.application.port.out;

import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.ConnectedClient;
import ai.cinatra.domain.oauth.OAuthClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores registered OAuth clients. */
public interface ClientRepository {

  void add(OAuthClient client);

  Optional<OAuthClient> findById(ClientId id);

  /**
   * Stores a client read from its metadata document: adds it, or replaces the name, redirect URIs
   * and validity of the one stored before (keeping when it was first seen and last used).
   */
  void saveFromMetadataDocument(OAuthClient client);

  /** Records that the client was just used (a token was issued to it). */
  void markUsed(ClientId id, Instant at);

  /** Keeps the hash of a registered client's registration access token (RFC 7592). */
  void saveRegistrationToken(ClientId id, String tokenHash);

  /** The hash of the client's registration access token; empty for a client without one. */
  Optional<String> findRegistrationToken(ClientId id);

  /** Deletes a client's registration; true when there was one. */
  boolean delete(ClientId id);

  /**
   * Deletes clients that registered before {@code cutoff} and were never used since; returns how
   * many. Re-registering clients (claude.ai registers on every connect) would pile up otherwise.
   */
  int deleteNeverUsedRegisteredBefore(Instant cutoff);

  /**
   * Registered clients by id after {@code after}, at most {@code limit}, whose name contains {@code
   * nameContains} (case-insensitively) when given, and that are Claude ({@link
   * OAuthClient#isClaude}) when {@code claudeOnly}, each with the accounts connected through it.
   */
  List<ConnectedClient> listConnected(
      Optional<String> nameContains, boolean claudeOnly, Optional<ClientId> after, int limit);

  /** One client with the accounts connected through it. */
  Optional<ConnectedClient> findConnected(ClientId id);
}
