package ai.cinatra.domain.access;

import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.GrantId;
import java.util.Set;

/**
 * Who is acting: an account, with the role it has right now, through a client and a grant. Built
 * anew for every request, so a changed role or a revoked grant takes effect on the next call.
 */
public record Actor(
    AccountId account, Email email, Role role, ClientId client, GrantId grant, Set<String> scopes) {
  public Actor {
    if (account == null || email == null || role == null || client == null || grant == null) {
      throw new InvalidValueException("an actor names its account, role, client and grant");
    }
    scopes = Set.copyOf(scopes == null ? Set.of() : scopes);
  }
}
