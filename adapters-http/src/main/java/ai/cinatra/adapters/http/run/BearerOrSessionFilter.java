package ai.cinatra.adapters.http.run;

import ai.cinatra.adapters.http.mcp.BearerAuthentication;
import ai.cinatra.adapters.http.mcp.BearerChallenge;
import ai.cinatra.adapters.http.session.SessionCookies;
import ai.cinatra.adapters.http.web.WebPages;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * A bearer token when the request carries one; otherwise the signed-in person of the session cookie
 * (SameSite=Lax, so another site's page cannot use it); otherwise the bearer challenge.
 */
@Priority(Priorities.AUTHENTICATION)
@BearerOrSession
public final class BearerOrSessionFilter implements ContainerRequestFilter {
  /** The request property holding the authenticated {@link ai.cinatra.domain.access.Actor}. */
  static final String ACTOR = "cinatra.actor";

  private final BearerAuthentication bearer;
  private final WebPages pages;

  public BearerOrSessionFilter(BearerAuthentication bearer, WebPages pages) {
    this.bearer = bearer;
    this.pages = pages;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String authorization = request.getHeaderString("Authorization");
    if (authorization == null) {
      var person =
          Optional.ofNullable(request.getCookies().get(SessionCookies.SESSION))
              .flatMap(c -> pages.person(c.getValue()));
      if (person.isPresent()) {
        request.setProperty(ACTOR, person.get().actor());
        return;
      }
    }
    try {
      request.setProperty(ACTOR, bearer.authenticate(authorization));
    } catch (BearerChallenge refused) {
      request.abortWith(
          Response.status(Response.Status.UNAUTHORIZED)
              .header("WWW-Authenticate", refused.wwwAuthenticate())
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(refused.body())
              .build());
    }
  }
}
