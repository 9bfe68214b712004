package ai.cinatra.adapters.http.page;

import io.dropwizard.views.common.View;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * How every server-rendered page goes out: a FreeMarker view ({@link WebPage}) with strict headers,
 * never framed (clickjacking on consent), never cached; and 303 after a POST.
 */
public final class Page {
  /**
   * Scripts and styles only from this server (the copy button and the live run page), nothing
   * inline, forms only to this server, never framed.
   */
  public static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src"
          + " 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private Page() {}

  /** The page, with the headers every page carries. */
  public static Response render(int status, View page) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .entity(page)
        .header("Content-Security-Policy", CSP)
        .header("X-Frame-Options", "DENY")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "same-origin")
        .header("Cache-Control", "no-store")
        .build();
  }

  /** The page shown when an OAuth request cannot be sent back to its client. */
  public static Response error(int status, String message) {
    return render(status, ErrorPage.cannotContinue(message));
  }

  /** 303 See Other: after a POST the browser follows with a GET. */
  public static Response.ResponseBuilder seeOther(String location) {
    return Response.status(Response.Status.SEE_OTHER)
        .header("Location", location)
        .header("Cache-Control", "no-store");
  }
}
