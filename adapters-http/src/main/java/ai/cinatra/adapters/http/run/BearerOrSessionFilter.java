package ai.cinatra.adapters.http.run;

import ai.cinatra.adapters.http.mcp.BearerAuthFilter;
import ai.cinatra.adapters.http.web.WebPages;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.Optional;

/**
 * A bearer token when the request carries one; otherwise the signed-in person of the session cookie
 * (SameSite=Lax, so another site's page cannot use it); otherwise the bearer challenge.
 */
@Priority(Priorities.AUTHENTICATION)
@BearerOrSession
public final class BearerOrSessionFilter implements ContainerRequestFilter {
  private final BearerAuthFilter bearer;
  private final WebPages pages;

  public BearerOrSessionFilter(BearerAuthFilter bearer, WebPages pages) {
    this.bearer = bearer;
    this.pages = pages;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getHeaderString("Authorization") == null) {
      var person =
          Optional.ofNullable(
                  request.getCookies().get(ai.cinatra.adapters.http.session.SessionCookies.SESSION))
              .flatMap(c -> pages.person(c.getValue()));
      if (person.isPresent()) {
        request.setProperty(BearerAuthFilter.ACTOR, person.get().actor());
        return;
      }
    }
    bearer.filter(request);
  }
}
