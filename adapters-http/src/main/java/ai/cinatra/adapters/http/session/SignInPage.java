package ai.cinatra.adapters.http.session;

import ai.cinatra.adapters.http.page.WebPage;

/** sign-in.ftlh: the form, its pre-session CSRF token, where to go after, and why it is back. */
public final class SignInPage extends WebPage {
  private final String message;
  private final String formCsrf;
  private final String returnTo;

  SignInPage(String message, String formCsrf, String returnTo) {
    super("sign-in.ftlh", "Sign in", null);
    this.message = message;
    this.formCsrf = formCsrf;
    this.returnTo = returnTo;
  }

  public String getMessage() {
    return message;
  }

  /** The token of the sign-in form itself (there is no session yet to hold one). */
  public String getFormCsrf() {
    return formCsrf;
  }

  public String getReturnTo() {
    return returnTo;
  }
}
