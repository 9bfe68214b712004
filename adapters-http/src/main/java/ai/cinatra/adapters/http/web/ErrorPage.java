package ai.cinatra.adapters.http.web;

import ai.cinatra.application.port.in.session.SignInUseCase.SignedInPerson;
import jakarta.ws.rs.core.Response;

/** A page that says why nothing happened, and where to go from there. */
public final class ErrorPage extends WebPage {
  private final String message;
  private final String back;

  private ErrorPage(SignedInPerson person, String title, String message, String back) {
    super("error.ftlh", title, person);
    this.message = message;
    this.back = back;
  }

  public String getMessage() {
    return message;
  }

  public String getBack() {
    return back;
  }

  static Response forbidden(SignedInPerson person, String message) {
    return WebPages.page(403, new ErrorPage(person, "Not allowed", message, "/"));
  }

  static Response notFound(SignedInPerson person, String message) {
    return WebPages.page(404, new ErrorPage(person, "Not found", message, "/"));
  }

  /** A form posted without this session's CSRF token: nothing was changed. */
  static Response expired(SignedInPerson person, String back) {
    return WebPages.page(
        403,
        new ErrorPage(
            person,
            "Form expired",
            "The form was not sent from this session, so nothing was changed. Go back and try"
                + " again.",
            back));
  }
}
