package ai.cinatra.adapters.http.web;

import ai.cinatra.adapters.http.page.ErrorPage;
import ai.cinatra.adapters.http.page.Page;
import ai.cinatra.adapters.http.page.WebPage;
import ai.cinatra.adapters.http.session.SessionCookies;
import ai.cinatra.adapters.http.session.SignInResource;
import ai.cinatra.application.error.ApplicationException;
import ai.cinatra.application.port.in.account.FirstRunUseCase;
import ai.cinatra.application.port.in.oauth.ServerAddressQuery;
import ai.cinatra.application.port.in.session.SignInUseCase;
import ai.cinatra.application.port.in.session.SignedIn;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.WebSession;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.oauth.OpaqueSecret;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * {@code /setup}: on a fresh install, while no account exists, the person at the machine (a
 * loopback address only) creates the first admin and is signed in. Afterwards, and to anyone else,
 * it does not exist (404).
 */
@Path("/setup")
public final class SetupPageResource {
  private final FirstRunUseCase firstRun;
  private final SignInUseCase signIn;
  private final ServerAddressQuery address;

  public SetupPageResource(
      FirstRunUseCase firstRun, SignInUseCase signIn, ServerAddressQuery address) {
    this.firstRun = firstRun;
    this.signIn = signIn;
    this.address = address;
  }

  /** Secure cookies once the server is reached over https, as the sign-in page sets them. */
  private boolean secureCookies() {
    return address.current().issuer().startsWith("https://");
  }

  /** The first-admin form. */
  public static final class SetupView extends WebPage {
    private final String csrf;
    private final String error;
    private final String email;

    SetupView(String csrf, String error, String email) {
      super("setup.ftlh", "Set up Cinatra", null);
      this.csrf = csrf;
      this.error = error;
      this.email = email;
    }

    @Override
    public String getCsrf() {
      return csrf;
    }

    public String getError() {
      return error == null ? "" : error;
    }

    public String getFormEmail() {
      return email == null ? "" : email;
    }
  }

  @GET
  public Response form(
      @CookieParam(SessionCookies.PRE_SESSION_CSRF) String csrfCookie,
      @Context HttpServletRequest request) {
    if (!available(request)) {
      return unavailable(request);
    }
    String csrf =
        csrfCookie != null && csrfCookie.length() == 43 ? csrfCookie : OpaqueSecret.generate();
    return Response.fromResponse(Page.render(200, new SetupView(csrf, null, null)))
        .cookie(SessionCookies.preSessionCsrf(csrf, secureCookies()))
        .build();
  }

  @POST
  public Response create(
      @FormParam("csrf") String csrf,
      @FormParam("email") String email,
      @FormParam("password") String password,
      @CookieParam(SessionCookies.PRE_SESSION_CSRF) String csrfCookie,
      @Context HttpServletRequest request) {
    if (!available(request)) {
      return unavailable(request);
    }
    if (!SignInResource.sameToken(csrf, csrfCookie)) {
      return Page.seeOther("/setup").build();
    }
    try {
      firstRun.createFirstAdmin(
          new Email(email == null ? "" : email), password == null ? "" : password);
    } catch (InvalidValueException | ApplicationException e) {
      return Response.fromResponse(Page.render(400, new SetupView(csrf, e.getMessage(), email)))
          .build();
    }
    SignedIn signedIn = signIn.signIn(email, password, request.getRemoteAddr());
    return Page.seeOther(ConnectorSetupPageResource.SETUP)
        .cookie(
            SessionCookies.session(
                signedIn.token(), secureCookies(), (int) WebSession.LIFETIME.toSeconds()),
            SessionCookies.expired(SessionCookies.PRE_SESSION_CSRF, secureCookies()))
        .build();
  }

  /**
   * Why there is no form: said in full only to the machine itself, because to anyone else whether
   * an account exists is none of their business.
   */
  private Response unavailable(HttpServletRequest request) {
    if (fromTheMachineItself(request)) {
      return ErrorPage.notFound(
          "Already set up",
          "This server already has its first admin, so set-up is closed.",
          "Sign in at /sign-in. An admin adds more accounts with"
              + " `java -jar cinatra.jar account create --email …` on the server.");
    }
    return ErrorPage.notFound(
        "Set-up is not offered here",
        "Set-up is only offered to a browser on the machine the server runs on (through"
            + " http://localhost, not through a proxy), and only until the first account exists.",
        "If this server is yours, open /setup on that machine; otherwise sign in at /sign-in.");
  }

  /** Only to the machine itself: never through a proxy, even one on this machine. */
  private boolean available(HttpServletRequest request) {
    return fromTheMachineItself(request) && firstRun.isOpen();
  }

  private static boolean fromTheMachineItself(HttpServletRequest request) {
    return isLoopback(request.getRemoteAddr())
        && request.getHeader("X-Forwarded-For") == null
        && request.getHeader("Forwarded") == null;
  }

  private static boolean isLoopback(String address) {
    try {
      return address != null && InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
