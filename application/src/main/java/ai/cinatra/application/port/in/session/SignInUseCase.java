package ai.cinatra.application.port.in.session;

import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.account.WebSession;
import java.util.Optional;

/** People signing in and out of the web pages with email and password. */
public interface SignInUseCase {

  /**
   * Checks the password and opens a session.
   *
   * @param sourceAddress where the attempt came from; repeated failures slow it down
   * @throws ai.cinatra.application.error.ForbiddenException when the email and password do not
   *     match an active account, or attempts come too fast; the message does not say which part was
   *     wrong
   */
  SignedIn signIn(String email, String password, String sourceAddress);

  /** A person signed in to the pages: their session (for its CSRF token) and who they are now. */
  record SignedInPerson(WebSession session, Actor actor) {}

  /**
   * The person behind a cookie's token, with the account's current role, acting through the client
   * {@code web}; empty when there is no live session or the account is disabled. The one way every
   * page, form and the consent screen learns who is signed in.
   */
  Optional<SignedInPerson> person(String token);

  void signOut(String token);
}
