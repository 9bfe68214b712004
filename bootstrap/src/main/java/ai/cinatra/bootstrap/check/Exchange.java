package ai.cinatra.bootstrap.check;

import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One HTTP answer as the doctor keeps it: enough to judge it and to show it in short. */
record Exchange(
    String method, String url, int status, String contentType, String body, HttpHeaders headers) {

  /** What printing keeps of a body: enough to recognize it. */
  static final int SHOWN = 160;

  private static final Pattern MESSAGE =
      Pattern.compile("<p class=\"error\" id=\"message\">(.*?)</p>", Pattern.DOTALL);

  boolean isHtml() {
    return contentType.toLowerCase(Locale.ROOT).contains("html")
        || body.stripLeading().startsWith("<");
  }

  String header(String name) {
    return headers.firstValue(name).orElse("");
  }

  /** The exchange in one line: method, URL, status, and the start of the body, as text. */
  String inShort() {
    String shown = isHtml() ? text() : body.replaceAll("\\s+", " ").strip();
    if (shown.length() > SHOWN) {
      shown = shown.substring(0, SHOWN) + "…";
    }
    return method
        + " "
        + Http.shortUrl(url)
        + " → "
        + status
        + (shown.isEmpty() ? "" : ": " + shown);
  }

  /** An HTML page as words: Cinatra's error message where there is one, else the page's text. */
  private String text() {
    Matcher message = MESSAGE.matcher(body);
    String html = message.find() ? message.group(1) : body;
    return html.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ")
        .replaceAll("<[^>]+>", " ")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replaceAll("\\s+", " ")
        .strip();
  }
}
