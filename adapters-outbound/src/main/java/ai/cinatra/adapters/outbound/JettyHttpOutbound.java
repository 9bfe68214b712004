package ai.cinatra.adapters.outbound;

import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.error.UpstreamException;
import ai.cinatra.application.port.out.remote.OutboundHttp;
import ai.cinatra.domain.net.PublicAddress;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;

/**
 * Outbound JSON calls (webhooks, http_api connectors, the model provider): only to public addresses
 * — after resolving the host, connecting to the very address checked — unless an admin listed the
 * host in {@code connectors.allowedPrivateHosts}; a connect and a whole-request timeout, redirects
 * never followed (a connector reaches only its configured URL), and answers cut off past a size
 * cap.
 */
public final class JettyHttpOutbound implements OutboundHttp {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Duration connectTimeout;
  private final Duration timeout;
  private final int maxResponseBytes;
  private final Set<String> allowedPrivateHosts;
  private HttpClient client;

  /**
   * @param allowedPrivateHosts hosts (names or addresses, as written in connector URLs) that may
   *     resolve to loopback or private addresses; every other host must be public
   */
  public JettyHttpOutbound(
      Duration connectTimeout,
      Duration timeout,
      int maxResponseBytes,
      Set<String> allowedPrivateHosts) {
    this.connectTimeout = connectTimeout;
    this.timeout = timeout;
    this.maxResponseBytes = maxResponseBytes;
    this.allowedPrivateHosts =
        allowedPrivateHosts.stream()
            .map(h -> h.strip().toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", ""))
            .filter(h -> !h.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public Reply send(Request call) {
    URI url = call.url();
    Duration limit = call.timeout().filter(t -> t.compareTo(timeout) < 0).orElse(timeout);
    org.eclipse.jetty.client.Request request =
        client()
            .newRequest(url)
            .method(call.method())
            .timeout(limit.toMillis(), TimeUnit.MILLISECONDS)
            .headers(
                h -> {
                  h.put("Accept", "application/json");
                  call.headers().forEach(h::put);
                });
    call.body()
        .ifPresent(body -> request.body(new StringRequestContent("application/json", json(body))));
    ContentResponse response;
    try {
      response =
          new CompletableResponseListener(request, maxResponseBytes)
              .send()
              .get(limit.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new UpstreamException(
          url.getHost() + " did not answer within " + limit.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamException("the call to " + url.getHost() + " was interrupted");
    } catch (ExecutionException e) {
      throw new UpstreamException(why(url, limit, e.getCause()));
    }
    int status = response.getStatus();
    if (status >= 300 && status < 400) {
      throw new UpstreamException(
          url.getHost() + " redirected (HTTP " + status + "); redirects are not followed");
    }
    return new Reply(status, parse(new String(response.getContent(), StandardCharsets.UTF_8)));
  }

  private String why(URI url, Duration limit, Throwable cause) {
    if (cause instanceof PinnedHttpClients.RefusedAddressException refused) {
      return refused.getMessage()
          + "; an admin may allow the host in connectors.allowedPrivateHosts";
    }
    if (cause instanceof UnknownHostException) {
      return url.getHost() + " could not be resolved";
    }
    if (cause instanceof TimeoutException) {
      return url.getHost() + " did not answer within " + limit.toMillis() + " ms";
    }
    String message = String.valueOf(cause.getMessage());
    if (message.contains("Buffering capacity") || message.contains("exceeded")) {
      return url.getHost() + " answered with more than " + maxResponseBytes + " bytes";
    }
    return url.getHost() + " could not be reached (" + cause.getClass().getSimpleName() + ")";
  }

  /** Whether the host, as written, may be reached at that address. */
  boolean allows(String host, InetAddress address) {
    return PublicAddress.isPublic(address.getAddress()) || allowedPrivateHosts.contains(host);
  }

  /** Started on first use: commands that share this wiring never call out. */
  private synchronized HttpClient client() {
    if (client == null) {
      client = PinnedHttpClients.start("outbound-http", connectTimeout, this::allows);
    }
    return client;
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
