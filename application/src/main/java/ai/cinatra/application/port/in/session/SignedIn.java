package ai.cinatra.application.port.in.session;

import ai.cinatra.domain.account.WebSession;

/** A new session and the token for its cookie: handed out once, stored only as a hash. */
public record SignedIn(WebSession session, String token) {
  @Override
  public String toString() {
    return "SignedIn[account=" + session.account() + "]";
  }
}
