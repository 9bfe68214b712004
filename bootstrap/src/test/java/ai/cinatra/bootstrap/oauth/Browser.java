package ai.cinatra.bootstrap.oauth;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A person's browser for the OAuth pages: keeps cookies, never follows redirects by itself. */
final class Browser {
  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new LoopbackIsSecure())
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  Browser(String base) {
    this.base = base;
  }

  HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(pathOrUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, Map<String, String> form)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A POST of a body the server refuses by its declared size: the server answers 413 and closes at
   * once, so a client still writing the body can see the connection close before it reads the
   * answer (an HTTP/1.1 race every client meets). Tried again, as browsers do, up to three times.
   */
  HttpResponse<String> postJsonRefusedBySize(String path, String json)
      throws IOException, InterruptedException {
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return postJson(path, json);
      } catch (IOException e) {
        last = e;
      }
    }
    throw last;
  }

  HttpResponse<String> postJsonWithBearer(String path, String json, String bearer, String session)
      throws IOException, InterruptedException {
    return send(path, "POST", json, bearer, session, Map.of());
  }

  HttpResponse<String> send(
      String path,
      String method,
      String json,
      String bearer,
      String session,
      Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    if (session != null) {
      request.header("Mcp-Session-Id", session);
    }
    headers.forEach(request::setHeader); // the caller's headers replace the defaults
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postWithBasic(String path, Map<String, String> form, String basic)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", "Basic " + basic)
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A form post without Content-Length: the body arrives chunked. */
  HttpResponse<String> postChunked(String path, String form)
      throws IOException, InterruptedException {
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String pathOrUrl) {
    return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
  }

  static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** The hidden fields of the page's form, in order. */
  static Map<String, String> hiddenFields(String html) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = HIDDEN.matcher(html);
    while (m.find()) {
      fields.put(m.group(1), unescape(m.group(2)));
    }
    return fields;
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  static String location(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Location")
        .orElseThrow(() -> new AssertionError("no Location"));
  }

  /** The query parameters of a URL, decoded. */
  static Map<String, String> query(String url) {
    Map<String, String> params = new LinkedHashMap<>();
    String query = URI.create(url).getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        params.put(
            java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  /**
   * Like Chromium, treats the loopback address as a secure context: Secure cookies (set once the
   * public URL is https) are still sent to http://127.0.0.1.
   */
  private static final class LoopbackIsSecure extends CookieManager {
    @Override
    public java.util.Map<String, java.util.List<String>> get(
        java.net.URI uri, java.util.Map<String, java.util.List<String>> headers)
        throws java.io.IOException {
      if ("http".equals(uri.getScheme()) && "127.0.0.1".equals(uri.getHost())) {
        try {
          uri =
              new java.net.URI(
                  "https",
                  uri.getUserInfo(),
                  uri.getHost(),
                  uri.getPort(),
                  uri.getPath(),
                  uri.getQuery(),
                  null);
        } catch (java.net.URISyntaxException e) {
          throw new java.io.IOException(e);
        }
      }
      return super.get(uri, headers);
    }
  }
}
