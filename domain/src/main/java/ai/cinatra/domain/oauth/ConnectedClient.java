package ai.cinatra.domain.oauth;

import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.error.InvalidValueException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A registered client as an operator sees it: its name, when it registered and was last used (last
 * given a token), and the accounts connected through it (one active grant each).
 */
public record ConnectedClient(
    ClientId clientId,
    Optional<String> clientName,
    Instant createdAt,
    Optional<Instant> lastUsedAt,
    List<Connection> accounts) {

  /** An account connected through the client, since its first grant still active. */
  public record Connection(AccountId account, Email email, Instant since) {
    public Connection {
      if (account == null || email == null || since == null) {
        throw new InvalidValueException("a connection has an account, an email and a time");
      }
    }
  }

  public ConnectedClient {
    if (clientId == null || clientName == null || createdAt == null || lastUsedAt == null) {
      throw new InvalidValueException("a connected client has an id, a name and times");
    }
    accounts = List.copyOf(accounts);
  }
}
