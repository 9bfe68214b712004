package ai.cinatra.application.port.in.access;

import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.access.PersonalAccessToken;
import ai.cinatra.domain.account.Email;
import java.util.List;
import java.util.UUID;

/** Personal access tokens: created and revoked by the operator, presented by admin scripts. */
public interface PersonalTokensUseCase {

  /** The token as stored, and its secret: shown once, never stored. */
  record CreatedToken(PersonalAccessToken token, String secret) {
    @Override
    public String toString() {
      return "CreatedToken[" + token.id() + "]";
    }
  }

  /**
   * Creates a token for an admin account.
   *
   * @throws ai.cinatra.application.error.NotFoundException when there is no such account
   * @throws ai.cinatra.application.error.ForbiddenException when it is not an active admin
   */
  CreatedToken create(Email account, String name);

  List<PersonalAccessToken> list(Email account);

  /** False when there is no such active token. */
  boolean revoke(UUID id);

  /**
   * The actor behind a presented token: its account with the account's current role.
   *
   * @throws ai.cinatra.application.error.OAuthException invalid_token when it is unknown, revoked,
   *     or its account is disabled
   */
  Actor authenticate(String secret);
}
