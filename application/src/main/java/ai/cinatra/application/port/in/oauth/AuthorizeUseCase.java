package ai.cinatra.application.port.in.oauth;

import ai.cinatra.domain.account.AccountId;

/** The authorization endpoint's decisions: is a request valid, was it agreed before, approve it. */
public interface AuthorizeUseCase {

  /**
   * Checks every parameter.
   *
   * @throws ai.cinatra.application.error.OAuthException with a redirect when the client may be
   *     told, without one when only the person may be (unknown client, unregistered redirect URI)
   */
  AuthorizationRequest check(AuthorizeCommand command);

  /** True when this account already agreed to give this client at least these scopes. */
  boolean isConsented(AccountId account, AuthorizationRequest request);

  /** Records the consent and a grant, and returns the single-use code for the client. */
  String approve(AccountId account, AuthorizationRequest request);
}
