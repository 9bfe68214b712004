package ai.cinatra.application.port.in.oauth;

import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.ConnectedClient;
import java.util.List;
import java.util.Optional;

/**
 * The registered clients and who is connected through them; admins disconnect a client for every
 * account at once.
 */
public interface ClientAdminUseCase {

  /**
   * One client as this actor may see it: admins see every connected account, others only their own;
   * {@code accountCount} counts them all.
   */
  record ClientListing(ConnectedClient client, int accountCount) {}

  record ClientPage(List<ClientListing> clients, Optional<String> nextCursor) {}

  int MAX_PAGE = 100;

  /** Clients by id, whose name contains {@code nameContains} (any case) when given. */
  ClientPage listClients(
      Actor actor, Optional<String> nameContains, Optional<String> cursor, int limit);

  /**
   * The clients that are Claude: those whose metadata document is on claude.ai or claude.com
   * (verified), and those whose self-declared name contains "claude".
   */
  ClientPage listClaudeClients(Actor actor, Optional<String> cursor, int limit);

  /** The same for admins only: the mcp_clients_list tool and the REST admin API. */
  ClientPage listClientsAsAdmin(
      Actor actor, Optional<String> nameContains, Optional<String> cursor, int limit);

  /**
   * One client as this actor may see it.
   *
   * @throws ai.cinatra.application.error.NotFoundException when there is no such client
   */
  ClientListing client(Actor actor, ClientId client);

  /**
   * Revokes every grant of the client (its access and refresh tokens stop working on their next
   * use), ends its MCP sessions (their open streams close within seconds on every node) and forgets
   * every consent to it; returns how many accounts were connected.
   *
   * @throws ai.cinatra.application.error.NotFoundException when there is no such client
   */
  int disconnect(Actor actor, ClientId client);
}
