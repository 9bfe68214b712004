package ai.cinatra.bootstrap.check;

import java.io.IOException;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The doctor's HTTP client: a browser's cookie jar, redirects never followed (the code is read from
 * the redirect, as a native client does), and every failure to get an answer said in words.
 */
final class Http {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(TIMEOUT)
          .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
          .build();

  Exchange get(String url, Map<String, String> headers) throws CheckFailed {
    return send("GET", url, headers, HttpRequest.BodyPublishers.noBody());
  }

  Exchange delete(String url, Map<String, String> headers) throws CheckFailed {
    return send("DELETE", url, headers, HttpRequest.BodyPublishers.noBody());
  }

  Exchange postJson(String url, String json, Map<String, String> headers) throws CheckFailed {
    Map<String, String> all = new java.util.LinkedHashMap<>(headers);
    all.put("Content-Type", "application/json");
    return send("POST", url, all, HttpRequest.BodyPublishers.ofString(json));
  }

  Exchange postForm(String url, Map<String, String> fields, Map<String, String> headers)
      throws CheckFailed {
    Map<String, String> all = new java.util.LinkedHashMap<>(headers);
    all.put("Content-Type", "application/x-www-form-urlencoded");
    return send("POST", url, all, HttpRequest.BodyPublishers.ofString(form(fields)));
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private Exchange send(
      String method, String url, Map<String, String> headers, HttpRequest.BodyPublisher body)
      throws CheckFailed {
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).method(method, body);
    } catch (IllegalArgumentException e) {
      throw new CheckFailed(method + " " + url, "This is not a URL the doctor can reach.");
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = sendOnce(method, request.build());
      return new Exchange(
          method,
          url,
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response.headers());
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw new CheckFailed(
          method + " " + url + " → no connection (" + e.getClass().getSimpleName() + ")",
          "Nothing answers at "
              + origin(url)
              + ". Is the server running, and is this its address and port (the start-up log's"
              + " last line says where it listens)?");
    } catch (HttpTimeoutException e) {
      throw new CheckFailed(
          method + " " + url + " → no answer within " + TIMEOUT.toSeconds() + " s",
          "The server took the connection but did not answer: a proxy or firewall in between may"
              + " hold it.");
    } catch (IOException e) {
      boolean unknownHost = e.getCause() instanceof UnknownHostException;
      throw new CheckFailed(
          method
              + " "
              + shortUrl(url)
              + " → "
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage(),
          unknownHost
              ? "The host name does not resolve: check the URL (and the tunnel, if it has one)."
              : "The connection broke off: a TLS or proxy problem between here and the server.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CheckFailed(method + " " + url, "Interrupted.");
    }
  }

  /** A URL as a line shows it: a long query is cut, it only repeats what the doctor sent. */
  static String shortUrl(String url) {
    int query = url.indexOf('?');
    return query > 0 && url.length() > 100 ? url.substring(0, query) + "?…" : url;
  }

  /**
   * Sends once, and a GET or DELETE once more when the connection broke off: a kept-alive
   * connection the server had just closed fails the next request on it, and a browser retries it.
   */
  private HttpResponse<String> sendOnce(String method, HttpRequest request)
      throws IOException, InterruptedException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException | ConnectException e) {
      throw e;
    } catch (IOException e) {
      if (!method.equals("GET") && !method.equals("DELETE")) {
        throw e;
      }
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
