package ai.cinatra.adapters.http.admin;

import ai.cinatra.application.port.in.oauth.ClientAdminUseCase.ClientListing;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.audit.AuditEntry;
import ai.cinatra.domain.connector.Connector;
import ai.cinatra.domain.connector.ConnectorOperation;
import ai.cinatra.domain.run.AgentRun;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shapes of the REST admin API, as records so the OpenAPI document shows them. */
public final class AdminResponses {
  private AdminResponses() {}

  /** The public URL setting. */
  public record PublicUrlView(
      String publicBaseUrl, String mcpServerUrl, String configuredBaseUrl, String warning) {}

  /** Sets the public URL. */
  public record PublicUrlRequest(String url) {}

  /** An account connected through a client. */
  public record ConnectionView(String accountId, String email, Instant since) {}

  /** A registered client and who is connected through it. */
  public record ClientView(
      String clientId,
      String clientName,
      Instant createdAt,
      Instant lastUsedAt,
      List<ConnectionView> connectedAccounts) {
    static ClientView of(ClientListing listing) {
      var c = listing.client();
      return new ClientView(
          c.clientId().value(),
          c.clientName().orElse(null),
          c.createdAt(),
          c.lastUsedAt().orElse(null),
          c.accounts().stream()
              .map(a -> new ConnectionView(a.account().toString(), a.email().value(), a.since()))
              .toList());
    }
  }

  /** A page of clients. */
  public record ClientPageView(List<ClientView> clients, String nextCursor) {}

  /** What a disconnect did. */
  public record DisconnectView(String clientId, int disconnectedAccounts) {}

  /** An account. */
  public record AccountView(
      String accountId, String email, String role, String status, Instant createdAt) {
    static AccountView of(Account a) {
      return new AccountView(
          a.id().toString(),
          a.email().value(),
          a.role().wireName(),
          a.status().name().toLowerCase(Locale.ROOT),
          a.createdAt());
    }
  }

  /** The accounts. */
  public record AccountsView(List<AccountView> accounts) {}

  /** Creates an account; without a password one is generated and returned once. */
  public record CreateAccountRequest(String email, String role, String password) {}

  /** The account made, and the generated password when there is one. */
  public record CreatedAccountView(AccountView account, String generatedPassword) {}

  /** Changes an account's role. */
  public record RoleRequest(String role) {}

  /** A connector without its secret. */
  public record ConnectorView(
      String name,
      String kind,
      String url,
      String secretHeader,
      List<Map<String, Object>> operations) {
    static ConnectorView of(Connector c) {
      return new ConnectorView(
          c.name(),
          c.kind().wireName(),
          c.url().toString(),
          c.secretHeader().orElse(null),
          c.operations().stream().map(ConnectorOperation::toDocument).toList());
    }
  }

  /** The connectors. */
  public record ConnectorsView(List<ConnectorView> connectors) {}

  /**
   * Installs a connector: its document ({@code name, kind, url, secretHeader?, operations?}) and
   * the secret when it names a secret header.
   */
  public record ConnectorRequest(Map<String, Object> connector, String secret) {}

  /** An installed agent. */
  public record AgentView(String agentId, String name, String description, int steps) {}

  /** A page of agents. */
  public record AgentsView(List<AgentView> agents, String nextCursor) {}

  /** What an install did. */
  public record InstalledView(String id, boolean created) {}

  /** A run, without its events. */
  public record RunView(
      String runId,
      String agentId,
      String status,
      String startedBy,
      Instant createdAt,
      Instant endedAt,
      String error) {
    static RunView of(AgentRun r) {
      return new RunView(
          r.id().toString(),
          r.agent().value(),
          r.status().wireName(),
          r.startedBy().toString(),
          r.createdAt(),
          r.endedAt().orElse(null),
          r.error().orElse(null));
    }
  }

  /** A page of runs. */
  public record RunsView(List<RunView> runs, String nextCursor) {}

  /** An audit entry. */
  public record AuditView(
      long id,
      String accountId,
      String clientId,
      String action,
      String target,
      String outcome,
      Instant at) {
    static AuditView of(AuditEntry e) {
      return new AuditView(
          e.id(),
          e.account().toString(),
          e.client().value(),
          e.action(),
          e.target(),
          e.outcome(),
          e.at());
    }
  }

  /** A page of the audit trail, newest first; pass nextBefore as before for the next page. */
  public record AuditPageView(List<AuditView> entries, Long nextBefore) {}
}
