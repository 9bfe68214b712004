package ai.cinatra.adapters.http.session;

import jakarta.ws.rs.core.NewCookie;

/** The cookies of the web pages: HttpOnly, SameSite, Secure whenever the server is on https. */
public final class SessionCookies {
  public static final String SESSION = "cinatra_session";

  /** The sign-in form's CSRF token before there is a session (double-submit). */
  public static final String PRE_SESSION_CSRF = "cinatra_csrf";

  private SessionCookies() {}

  public static NewCookie session(String token, boolean secure, int maxAgeSeconds) {
    return cookie(SESSION, token, secure, maxAgeSeconds, NewCookie.SameSite.LAX);
  }

  public static NewCookie preSessionCsrf(String token, boolean secure) {
    return cookie(PRE_SESSION_CSRF, token, secure, 3600, NewCookie.SameSite.STRICT);
  }

  public static NewCookie expired(String name, boolean secure) {
    return cookie(name, "", secure, 0, NewCookie.SameSite.LAX);
  }

  private static NewCookie cookie(
      String name, String value, boolean secure, int maxAge, NewCookie.SameSite sameSite) {
    return new NewCookie.Builder(name)
        .value(value)
        .path("/")
        .maxAge(maxAge)
        .httpOnly(true)
        .secure(secure)
        .sameSite(sameSite)
        .build();
  }
}
