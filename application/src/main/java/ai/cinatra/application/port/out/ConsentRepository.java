package ai.cinatra.application.port.out;

import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.oauth.ClientId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Remembers which scopes an account agreed to give a client, so it is asked only once. */
public interface ConsentRepository {
  void remember(AccountId account, ClientId client, Set<String> scopes, Instant at);

  Optional<Set<String>> find(AccountId account, ClientId client);

  /** Forgets every account's consent to the client (a disconnect); returns how many. */
  int forgetAllOfClient(ClientId client);
}
