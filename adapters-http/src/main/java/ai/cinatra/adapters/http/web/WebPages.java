package ai.cinatra.adapters.http.web;

import ai.cinatra.adapters.http.page.ErrorPage;
import ai.cinatra.adapters.http.page.Page;
import ai.cinatra.adapters.http.session.SessionCookies;
import ai.cinatra.adapters.http.session.SignInResource;
import ai.cinatra.application.port.in.session.SignInUseCase;
import ai.cinatra.application.port.in.session.SignInUseCase.SignedInPerson;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the operator pages share: who is signed in (from the session cookie), the way to sign-in
 * when no one is, CSRF checks on every form, and strict headers on every page.
 */
public final class WebPages {
  private final SignInUseCase signIn;

  public WebPages(SignInUseCase signIn) {
    this.signIn = signIn;
  }

  /** The signed-in person behind the request's session cookie, if any. */
  public Optional<SignedInPerson> person(HttpHeaders headers) {
    Cookie cookie = headers.getCookies().get(SessionCookies.SESSION);
    return cookie == null ? Optional.empty() : person(cookie.getValue());
  }

  /** The signed-in person behind a session cookie's value, if any. */
  public Optional<SignedInPerson> person(String sessionToken) {
    return signIn.person(sessionToken);
  }

  /** The page for the signed-in person; anyone else is sent to sign in, and comes back here. */
  public Response signedIn(
      HttpHeaders headers, UriInfo uri, Function<SignedInPerson, Response> page) {
    return person(headers).map(page).orElseGet(() -> signIn(uri));
  }

  /**
   * A form's answer for the signed-in person whose session's CSRF token it carries; without that
   * token nothing happens and the page says so, with a way {@code back}.
   */
  public Response form(
      HttpHeaders headers,
      UriInfo uri,
      String csrf,
      String back,
      Function<SignedInPerson, Response> action) {
    return signedIn(
        headers,
        uri,
        person -> csrfOk(person, csrf) ? action.apply(person) : ErrorPage.expired(person, back));
  }

  /** Whether a posted CSRF token is this session's. */
  public static boolean csrfOk(SignedInPerson person, String posted) {
    return SignInResource.sameToken(posted, person.session().csrfToken());
  }

  /** 303 to the sign-in page, coming back to this page (path and query) afterwards. */
  public static Response signIn(UriInfo uri) {
    String back = "/" + uri.getPath(false);
    String query = uri.getRequestUri().getRawQuery();
    if (query != null) {
      back += "?" + query;
    }
    return Page.seeOther(SignInResource.signInUrl(back, null)).build();
  }
}
