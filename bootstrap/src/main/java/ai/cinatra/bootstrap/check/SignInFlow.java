package ai.cinatra.bootstrap.check;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's part of the authorization, as a browser does it: follows the server's redirects to the
 * sign-in form, posts it, posts the consent form, and stops at the redirect to the client.
 */
final class SignInFlow {
  /** Redirects and forms followed at most: a loop is a failure, not a hang. */
  static final int MAX_HOPS = 10;

  private static final Pattern FORM =
      Pattern.compile(
          "<form[^>]*method=\"post\"[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

  private final Http http;

  SignInFlow(Http http) {
    this.http = http;
  }

  /** The URL the server redirects to at the end (the client's redirect URI with code or error). */
  String toRedirect(String authorization, String redirectUri, String email, String password)
      throws CheckFailed {
    String origin = Http.origin(authorization);
    Exchange page = http.get(authorization, Map.of("Accept", "text/html"));
    boolean signedIn = false;
    boolean consented = false;
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      if (page.status() / 100 == 3) {
        String location = URI.create(page.url()).resolve(page.header("Location")).toString();
        if (location.startsWith(redirectUri)) {
          return location;
        }
        page = http.get(location, Map.of("Accept", "text/html"));
        continue;
      }
      Matcher form = FORM.matcher(page.body());
      boolean found = false;
      // The page layout's sign-out form is not the one a person fills in here.
      while (!found && form.find()) {
        found = !form.group(1).endsWith("/sign-out");
      }
      if (page.status() >= 400 || !found) {
        throw new CheckFailed(
            page,
            signedIn && page.body().contains("error")
                ? "The sign-in was refused: check the email and password (and that the account is active)."
                : "The authorization page did not lead to a sign-in or consent form.");
      }
      String action = URI.create(page.url()).resolve(unescape(form.group(1))).toString();
      Map<String, String> fields = new LinkedHashMap<>();
      Matcher hidden = HIDDEN.matcher(form.group(2));
      while (hidden.find()) {
        fields.put(hidden.group(1), unescape(hidden.group(2)));
      }
      Map<String, String> headers = Map.of("Origin", origin, "Accept", "text/html");
      if (form.group(2).contains("name=\"password\"")) {
        if (signedIn) {
          throw new CheckFailed(
              page.method() + " " + Http.shortUrl(page.url()) + " → the sign-in form again",
              "The sign-in was refused: check the email and password (and that the account is"
                  + " active).");
        }
        fields.put("email", email);
        fields.put("password", password);
        signedIn = true;
      } else if (form.group(2).contains("value=\"approve\"")) {
        if (consented) {
          throw new CheckFailed(page, "The consent form came back after consenting.");
        }
        fields.put("decision", "approve");
        consented = true;
      } else {
        throw new CheckFailed(
            page, "A form the doctor does not know: not Cinatra's sign-in or consent.");
      }
      page = http.postForm(action, fields, headers);
    }
    throw new CheckFailed(authorization, "Too many redirects: the sign-in goes round in a loop.");
  }

  static Map<String, String> query(String url) {
    Map<String, String> values = new LinkedHashMap<>();
    String query = URI.create(url).getRawQuery();
    if (query == null) {
      return values;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static String unescape(String html) {
    return html.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
  }
}
