package ai.cinatra.application.service;

import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.port.in.oauth.ClientAdminUseCase;
import ai.cinatra.application.port.out.AuditRepository;
import ai.cinatra.application.port.out.ClientRepository;
import ai.cinatra.application.port.out.ConsentRepository;
import ai.cinatra.application.port.out.GrantRepository;
import ai.cinatra.application.port.out.McpSessionRepository;
import ai.cinatra.application.port.out.TransactionRunner;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.access.Primitive;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.ConnectedClient;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Lists registered clients with their connections, and disconnects one for every account. */
public final class ClientAdminService implements ClientAdminUseCase {
  static final int MAX_FILTER = 100;

  private final ClientRepository clients;
  private final GrantRepository grants;
  private final ConsentRepository consents;
  private final McpSessionRepository sessions;
  private final Auditor auditor;
  private final Clock clock;

  public ClientAdminService(
      ClientRepository clients,
      GrantRepository grants,
      ConsentRepository consents,
      McpSessionRepository sessions,
      AuditRepository audit,
      TransactionRunner transactions,
      Clock clock) {
    this.clients = clients;
    this.grants = grants;
    this.consents = consents;
    this.sessions = sessions;
    this.auditor = new Auditor(audit, transactions, clock);
    this.clock = clock;
  }

  @Override
  public ClientPage listClients(
      Actor actor, Optional<String> nameContains, Optional<String> cursor, int limit) {
    return page(actor, nameContains, false, cursor, limit);
  }

  @Override
  public ClientPage listClaudeClients(Actor actor, Optional<String> cursor, int limit) {
    return page(actor, Optional.empty(), true, cursor, limit);
  }

  private ClientPage page(
      Actor actor,
      Optional<String> nameContains,
      boolean claudeOnly,
      Optional<String> cursor,
      int limit) {
    Auditor.require(actor, Primitive.CLIENTS_READ, "see connected clients");
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidInputException("limit is 1 to " + MAX_PAGE);
    }
    if (nameContains.isPresent() && nameContains.get().length() > MAX_FILTER) {
      throw new InvalidInputException("nameContains is at most " + MAX_FILTER + " characters");
    }
    Optional<ClientId> after;
    try {
      after = cursor.map(ClientId::new);
    } catch (InvalidValueException e) {
      throw new InvalidInputException("invalid cursor; pass back a nextCursor this server gave");
    }
    List<ConnectedClient> page =
        clients.listConnected(nameContains.filter(s -> !s.isBlank()), claudeOnly, after, limit + 1);
    boolean more = page.size() > limit;
    List<ConnectedClient> shown = more ? page.subList(0, limit) : page;
    List<ClientListing> listings = shown.stream().map(c -> visibleTo(actor, c)).toList();
    return new ClientPage(
        listings, more ? Optional.of(shown.get(limit - 1).clientId().value()) : Optional.empty());
  }

  @Override
  public ClientPage listClientsAsAdmin(
      Actor actor, Optional<String> nameContains, Optional<String> cursor, int limit) {
    Auditor.require(actor, Primitive.CLIENTS_ADMINISTER, "list every client");
    return listClients(actor, nameContains, cursor, limit);
  }

  /** Admins see every connected account; others see only their own, and how many there are. */
  private static ClientListing visibleTo(Actor actor, ConnectedClient client) {
    if (actor.role() == Role.ADMIN) {
      return new ClientListing(client, client.accounts().size());
    }
    return new ClientListing(
        new ConnectedClient(
            client.clientId(),
            client.clientName(),
            client.createdAt(),
            client.lastUsedAt(),
            client.accounts().stream().filter(a -> a.account().equals(actor.account())).toList()),
        client.accounts().size());
  }

  @Override
  public ClientListing client(Actor actor, ClientId client) {
    Auditor.require(actor, Primitive.CLIENTS_READ, "see connected clients");
    return clients
        .findConnected(client)
        .map(c -> visibleTo(actor, c))
        .orElseThrow(() -> new NotFoundException("no client with id " + client.value()));
  }

  @Override
  public int disconnect(Actor actor, ClientId client) {
    return auditor.mutate(
        actor,
        Primitive.CLIENTS_ADMINISTER,
        "mcp_client_disconnect",
        client.value(),
        () -> {
          if (clients.findById(client).isEmpty()) {
            throw new NotFoundException("no client with id " + client.value());
          }
          consents.forgetAllOfClient(client);
          sessions.endAllOfClient(client, clock.instant());
          return grants.revokeAllOfClient(client, clock.instant());
        });
  }
}
