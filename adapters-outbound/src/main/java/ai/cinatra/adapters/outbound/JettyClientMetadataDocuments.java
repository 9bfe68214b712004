package ai.cinatra.adapters.outbound;

import ai.cinatra.application.port.out.remote.ClientMetadataDocuments;
import ai.cinatra.domain.net.PublicAddress;
import ai.cinatra.domain.oauth.ClientIdUrl;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Fetches client metadata documents with Jetty's HTTP client. The host is resolved once, by us:
 * every address it resolves to must be public (or, for an http://localhost client_id allowed for
 * tests, loopback), and the connection goes to those very addresses, so a DNS answer cannot change
 * between the check and the connect. No redirect is followed, the whole fetch has 5 seconds, and an
 * answer over 5 KiB is cut off.
 */
public final class JettyClientMetadataDocuments implements ClientMetadataDocuments {
  static final int MAX_BYTES = 5 * 1024;
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MAX_AGE =
      Pattern.compile("(?:^|,)\\s*(?:s-maxage|max-age)=(\\d{1,10})");

  private final boolean allowHttpLoopback;
  private HttpClient publicOnly;
  private HttpClient loopbackOnly;

  /**
   * @param allowHttpLoopback also fetch http://localhost documents, from loopback (tests only)
   */
  public JettyClientMetadataDocuments(boolean allowHttpLoopback) {
    this.allowHttpLoopback = allowHttpLoopback;
  }

  @Override
  public Fetched fetch(ClientIdUrl url) {
    if (url.isHttpLoopback() && !allowHttpLoopback) {
      throw new FetchFailedException("plain http client_id URLs are not allowed");
    }
    HttpClient client = url.isHttpLoopback() ? loopbackOnly() : publicOnly();
    Request request =
        client
            .newRequest(url.uri())
            .headers(h -> h.put(HttpHeader.ACCEPT, "application/json"))
            .timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    ContentResponse response;
    try {
      response =
          new CompletableResponseListener(request, MAX_BYTES)
              .send()
              .get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchFailedException("the fetch was interrupted");
    } catch (TimeoutException e) {
      throw new FetchFailedException(url.host() + " did not answer within 5 seconds");
    } catch (ExecutionException e) {
      throw new FetchFailedException(why(url, e.getCause()));
    }
    return parse(response);
  }

  private static Fetched parse(ContentResponse response) {
    int status = response.getStatus();
    if (status >= 300 && status < 400) {
      throw new FetchFailedException(
          "it answered "
              + status
              + " (a redirect to "
              + Optional.ofNullable(response.getHeaders().get(HttpHeader.LOCATION)).orElse("?")
              + "); redirects are not followed, serve the document at the client_id URL itself");
    }
    if (status != 200) {
      throw new FetchFailedException("it answered HTTP " + status + ", not 200");
    }
    String type = Optional.ofNullable(response.getMediaType()).orElse("");
    if (!type.isEmpty() && !type.toLowerCase(Locale.ROOT).contains("json")) {
      throw new FetchFailedException("it answered " + type + ", not application/json");
    }
    Map<String, Object> json;
    try {
      json = JSON.readValue(response.getContent(), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new FetchFailedException("its answer is not a JSON object");
    }
    if (json == null) {
      throw new FetchFailedException("its answer is not a JSON object");
    }
    return new Fetched(json, maxAge(response.getHeaders().get(HttpHeader.CACHE_CONTROL)));
  }

  /** How long the answer may be cached; no-store and no-cache say not at all. */
  static Optional<Duration> maxAge(String cacheControl) {
    if (cacheControl == null) {
      return Optional.empty();
    }
    String directives = cacheControl.toLowerCase(Locale.ROOT);
    if (directives.contains("no-store") || directives.contains("no-cache")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher matcher = MAX_AGE.matcher(directives);
    return matcher.find()
        ? Optional.of(Duration.ofSeconds(Long.parseLong(matcher.group(1))))
        : Optional.empty();
  }

  private static String why(ClientIdUrl url, Throwable cause) {
    if (cause instanceof PinnedHttpClients.RefusedAddressException refused) {
      return refused.getMessage() + "; documents are fetched only from the public internet";
    }
    if (cause instanceof UnknownHostException) {
      return url.host() + " could not be resolved";
    }
    if (cause instanceof TimeoutException) {
      return url.host() + " did not answer within 5 seconds";
    }
    String message = String.valueOf(cause.getMessage());
    if (message.contains("Buffering capacity") || message.contains("exceeded")) {
      return "the document is larger than " + MAX_BYTES + " bytes";
    }
    return url.host() + " could not be reached (" + cause.getClass().getSimpleName() + ")";
  }

  /** Started on first use: commands that share this wiring never fetch a document. */
  private synchronized HttpClient publicOnly() {
    if (publicOnly == null) {
      publicOnly = start(address -> PublicAddress.isPublic(address.getAddress()));
    }
    return publicOnly;
  }

  private synchronized HttpClient loopbackOnly() {
    if (loopbackOnly == null) {
      loopbackOnly = start(InetAddress::isLoopbackAddress);
    }
    return loopbackOnly;
  }

  private static HttpClient start(Predicate<InetAddress> allowed) {
    return PinnedHttpClients.start(
        "client-metadata-fetch", TIMEOUT, (host, address) -> allowed.test(address));
  }
}
