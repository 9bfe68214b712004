package ai.cinatra.adapters.http.page;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Server-rendered pages: one layout, strict security headers, never framed, never cached. */
public final class Page {
  /** No scripts at all; inline styles only; no framing by anyone (clickjacking on consent). */
  static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

  private Page() {}

  /** A page whose {@code body} is already escaped HTML. */
  public static Response.ResponseBuilder html(int status, String title, String body) {
    String html =
        """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
        <title>%s · Cinatra</title>
        <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}
        label{display:block;margin:.8rem 0 .2rem}input[type=email],input[type=password]{width:100%%}
        button{margin:1rem .5rem 0 0;padding:.4rem 1rem}.error{color:#a00}.note{color:#555}</style>
        </head>
        <body>
        %s
        </body>
        </html>
        """
            .formatted(Html.escape(title), body);
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .entity(html)
        .header("Content-Security-Policy", CSP)
        .header("X-Frame-Options", "DENY")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-store");
  }

  /** The page shown when a request cannot be sent back to its client. */
  public static Response error(int status, String message) {
    return html(
            status,
            "Cannot continue",
            "<h1>Cannot continue</h1><p class=\"error\">"
                + Html.escape(message)
                + "</p><p class=\"note\">Close this window and start again from your app.</p>")
        .build();
  }

  /** 303 See Other: after a POST the browser follows with a GET. */
  public static Response.ResponseBuilder seeOther(String location) {
    return Response.status(Response.Status.SEE_OTHER)
        .header("Location", location)
        .header("Cache-Control", "no-store");
  }
}
