package ai.cinatra.adapters.http.outbound;

import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.port.out.OutboundHttp;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Outbound JSON calls with the JDK's client: a connect and a whole-request timeout, redirects never
 * followed (a connector reaches only its configured URL), and answers cut off past a size cap.
 */
public final class JavaHttpOutbound implements OutboundHttp {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client;
  private final Duration timeout;
  private final int maxResponseBytes;

  public JavaHttpOutbound(Duration connectTimeout, Duration timeout, int maxResponseBytes) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.timeout = timeout;
    this.maxResponseBytes = maxResponseBytes;
  }

  @Override
  public Reply send(Request call) {
    URI url = call.url();
    Duration limit = call.timeout().filter(t -> t.compareTo(timeout) < 0).orElse(timeout);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url).timeout(limit).header("Accept", "application/json");
    if (call.body().isPresent()) {
      request
          .header("Content-Type", "application/json")
          .method(call.method(), HttpRequest.BodyPublishers.ofString(json(call.body().get())));
    } else {
      request.method(call.method(), HttpRequest.BodyPublishers.noBody());
    }
    call.headers().forEach(request::header);
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new InvalidInputException(
          url.getHost() + " did not answer within " + limit.toMillis() + " ms");
    } catch (IOException e) {
      throw new InvalidInputException(url.getHost() + " could not be reached: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InvalidInputException("the call to " + url.getHost() + " was interrupted");
    }
    if (response.statusCode() >= 300 && response.statusCode() < 400) {
      closeQuietly(response);
      throw new InvalidInputException(
          url.getHost()
              + " redirected (HTTP "
              + response.statusCode()
              + "); redirects are not followed");
    }
    String text = read(response, url);
    return new Reply(response.statusCode(), parse(text));
  }

  private static void closeQuietly(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      // The redirect's body is not wanted; a failure to close it changes nothing.
    }
  }

  private String read(HttpResponse<InputStream> response, URI url) {
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes(maxResponseBytes + 1);
      if (bytes.length > maxResponseBytes) {
        throw new InvalidInputException(
            url.getHost() + " answered with more than " + maxResponseBytes + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(url.getHost() + " broke off its answer");
    }
  }

  private static Object parse(String text) {
    try {
      return text.isBlank() ? "" : JSON.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      return text;
    }
  }

  private static String json(Map<String, Object> body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("the arguments are not representable as JSON");
    }
  }
}
