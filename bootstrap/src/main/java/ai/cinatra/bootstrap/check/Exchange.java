package ai.cinatra.bootstrap.check;

import java.net.http.HttpHeaders;
import java.util.Locale;

/** One HTTP answer as the doctor keeps it: enough to judge it and to show it in short. */
record Exchange(
    String method, String url, int status, String contentType, String body, HttpHeaders headers) {

  /** What printing keeps of a body: enough to recognize it. */
  static final int SHOWN = 160;

  boolean isJson() {
    return contentType.toLowerCase(Locale.ROOT).contains("json");
  }

  boolean isHtml() {
    return contentType.toLowerCase(Locale.ROOT).contains("html")
        || body.stripLeading().startsWith("<");
  }

  String header(String name) {
    return headers.firstValue(name).orElse("");
  }

  /** The exchange in one line: method, URL, status, and the start of the body. */
  String inShort() {
    String shown = body.replaceAll("\\s+", " ").strip();
    if (shown.length() > SHOWN) {
      shown = shown.substring(0, SHOWN) + "…";
    }
    return method + " " + url + " → " + status + (shown.isEmpty() ? "" : ": " + shown);
  }
}
