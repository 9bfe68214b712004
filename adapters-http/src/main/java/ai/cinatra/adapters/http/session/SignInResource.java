package ai.cinatra.adapters.http.session;

import ai.cinatra.adapters.http.page.Page;
import ai.cinatra.application.error.ForbiddenException;
import ai.cinatra.application.port.in.oauth.ServerAddressQuery;
import ai.cinatra.application.port.in.session.SignInUseCase;
import ai.cinatra.application.port.in.session.SignedIn;
import ai.cinatra.domain.account.WebSession;
import ai.cinatra.domain.oauth.OpaqueSecret;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The sign-in page and sign-out, for people in a browser. */
@Path("/")
public final class SignInResource {
  private final SignInUseCase signIn;
  private final ServerAddressQuery address;

  public SignInResource(SignInUseCase signIn, ServerAddressQuery address) {
    this.signIn = signIn;
    this.address = address;
  }

  @GET
  @Path("sign-in")
  public Response form(
      @QueryParam("return_to") String returnTo,
      @QueryParam("error") String error,
      @CookieParam(SessionCookies.PRE_SESSION_CSRF) String csrfCookie) {
    String csrf =
        csrfCookie != null && csrfCookie.length() == 43 ? csrfCookie : OpaqueSecret.generate();
    String message =
        switch (error == null ? "" : error) {
          case "wrong" -> "The email or password is wrong.";
          case "slow" -> "Too many failed attempts. Wait a little and try again.";
          case "expired" -> "The form expired. Please sign in again.";
          default -> "";
        };
    Response page = Page.render(200, new SignInPage(message, csrf, safeReturn(returnTo)));
    return Response.fromResponse(page)
        .cookie(SessionCookies.preSessionCsrf(csrf, secure()))
        .build();
  }

  @POST
  @Path("sign-in")
  public Response submit(
      @FormParam("email") String email,
      @FormParam("password") String password,
      @FormParam("csrf") String csrf,
      @FormParam("return_to") String returnTo,
      @CookieParam(SessionCookies.PRE_SESSION_CSRF) String csrfCookie,
      @Context HttpServletRequest request) {
    String back = safeReturn(returnTo);
    if (!sameToken(csrf, csrfCookie)) {
      return Page.seeOther(signInUrl(back, "expired")).build();
    }
    try {
      SignedIn signedIn = signIn.signIn(email, password, request.getRemoteAddr());
      return Page.seeOther(back)
          .cookie(
              SessionCookies.session(
                  signedIn.token(), secure(), (int) WebSession.LIFETIME.toSeconds()),
              SessionCookies.expired(SessionCookies.PRE_SESSION_CSRF, secure()))
          .build();
    } catch (ForbiddenException e) {
      String reason = e.getMessage().startsWith("too many") ? "slow" : "wrong";
      return Page.seeOther(signInUrl(back, reason)).build();
    }
  }

  @POST
  @Path("sign-out")
  public Response signOut(
      @CookieParam(SessionCookies.SESSION) String session, @FormParam("csrf") String csrf) {
    signIn
        .person(session)
        .filter(p -> sameToken(csrf, p.session().csrfToken()))
        .ifPresent(p -> signIn.signOut(session));
    return Page.seeOther("/sign-in")
        .cookie(SessionCookies.expired(SessionCookies.SESSION, secure()))
        .build();
  }

  private boolean secure() {
    return address.current().issuer().startsWith("https://");
  }

  /** Only a path on this server: never another host, so sign-in cannot be an open redirect. */
  static String safeReturn(String returnTo) {
    if (returnTo == null
        || returnTo.length() > 4000
        || !returnTo.startsWith("/")
        || returnTo.startsWith("//")
        || returnTo.contains("\\")
        || returnTo.chars().anyMatch(c -> c < 0x20)) {
      return "/";
    }
    return returnTo;
  }

  public static String signInUrl(String returnTo, String error) {
    return "/sign-in?return_to="
        + URLEncoder.encode(returnTo, StandardCharsets.UTF_8)
        + (error == null ? "" : "&error=" + error);
  }

  /** Constant-time comparison of a posted CSRF token with the expected one. */
  public static boolean sameToken(String posted, String expected) {
    return posted != null
        && expected != null
        && !expected.isEmpty()
        && MessageDigest.isEqual(
            posted.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
