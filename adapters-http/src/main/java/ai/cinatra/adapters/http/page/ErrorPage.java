package ai.cinatra.adapters.http.page;

import ai.cinatra.application.port.in.session.SignInUseCase.SignedInPerson;
import jakarta.ws.rs.core.Response;

/** A page that says why nothing happened, and where to go from there. */
public final class ErrorPage extends WebPage {
  private final String message;
  private final String back;
  private final String note;

  private ErrorPage(SignedInPerson person, String title, String message, String back, String note) {
    super("error.ftlh", title, person);
    this.message = message;
    this.back = back;
    this.note = note;
  }

  public String getMessage() {
    return message;
  }

  /** Where "Go back" leads; empty when there is nowhere to go back to. */
  public String getBack() {
    return back;
  }

  public String getNote() {
    return note;
  }

  public static Response forbidden(SignedInPerson person, String message) {
    return Page.render(403, new ErrorPage(person, "Not allowed", message, "/", ""));
  }

  public static Response notFound(SignedInPerson person, String message) {
    return Page.render(404, new ErrorPage(person, "Not found", message, "/", ""));
  }

  /** A page with nothing to show, and a note saying what to do instead. */
  public static Response notFound(String title, String message, String note) {
    return Page.render(404, new ErrorPage(null, title, message, "", note));
  }

  /** A form posted without this session's CSRF token: nothing was changed. */
  public static Response expired(SignedInPerson person, String back) {
    return Page.render(
        403,
        new ErrorPage(
            person,
            "Form expired",
            "The form was not sent from this session, so nothing was changed. Go back and try"
                + " again.",
            back,
            ""));
  }

  /** An OAuth request that cannot go back to its client: the person starts again there. */
  static ErrorPage cannotContinue(String message) {
    return new ErrorPage(
        null, "Cannot continue", message, "", "Close this window and start again from your app.");
  }
}
