package ai.cinatra.application.fakes;

import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.GrantId;
import java.util.Set;

/** Actors for service tests: a fresh account with a role, through one client. */
public final class Actors {
  private Actors() {}

  public static Actor of(Role role) {
    return new Actor(
        AccountId.random(),
        new Email("a@b.c"),
        role,
        new ClientId("mcp_c"),
        GrantId.random(),
        Set.of());
  }
}
