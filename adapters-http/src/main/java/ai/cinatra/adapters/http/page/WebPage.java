package ai.cinatra.adapters.http.page;

import ai.cinatra.application.port.in.session.SignInUseCase.SignedInPerson;
import ai.cinatra.domain.account.Role;
import io.dropwizard.views.common.View;

/**
 * A server-rendered page: a FreeMarker template (HTML output format, so everything it prints is
 * escaped) and what every page shows: the title, who is signed in, and the CSRF token of forms.
 */
public class WebPage extends View {
  private final String title;
  private final SignedInPerson person;

  protected WebPage(String template, String title, SignedInPerson person) {
    super("/views/" + template);
    this.title = title;
    this.person = person;
  }

  public String getTitle() {
    return title;
  }

  public String getEmail() {
    return person == null ? "" : person.actor().email().value();
  }

  public String getRole() {
    return person == null ? "" : person.actor().role().wireName();
  }

  public boolean isAdmin() {
    return person != null && person.actor().role() == Role.ADMIN;
  }

  public boolean isSignedIn() {
    return person != null;
  }

  public String getCsrf() {
    return person == null ? "" : person.session().csrfToken();
  }
}
