package ai.cinatra.adapters.outbound;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BiPredicate;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * Jetty HTTP clients that resolve every host themselves and connect only to addresses a rule allows
 * — to exactly the addresses that were checked, so a DNS answer cannot change between the check and
 * the connect (rebinding), while TLS still verifies the host name. They follow no redirect and run
 * on small daemon thread pools.
 */
final class PinnedHttpClients {
  private PinnedHttpClients() {}

  /** A host that resolved to an address the rule does not allow. */
  static final class RefusedAddressException extends IOException {
    private static final long serialVersionUID = 1L;

    RefusedAddressException(String message) {
      super(message);
    }
  }

  /**
   * A started client.
   *
   * @param allowed whether the host (as written in the URL, lower case) may be reached at the
   *     address; every address the host resolves to must be allowed
   */
  static HttpClient start(
      String name, Duration connectTimeout, BiPredicate<String, InetAddress> allowed) {
    QueuedThreadPool threads = new QueuedThreadPool(8, 1);
    threads.setName(name);
    threads.setDaemon(true);
    ClientConnector connector = new ClientConnector();
    connector.setConnectTimeout(connectTimeout);
    HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
    client.setExecutor(threads);
    client.setScheduler(new ScheduledExecutorScheduler(name + "-timeouts", true));
    client.setFollowRedirects(false);
    client.setUserAgentField(null);
    client.setSocketAddressResolver(
        (host, port, context, promise) -> {
          try {
            String written = host.toLowerCase(Locale.ROOT);
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
              if (!allowed.test(written, address)) {
                promise.failed(
                    new RefusedAddressException(
                        host
                            + " resolves to "
                            + address.getHostAddress()
                            + ", which is not a public address"));
                return;
              }
            }
            promise.succeeded(
                Arrays.stream(addresses).map(a -> new InetSocketAddress(a, port)).toList());
          } catch (UnknownHostException e) {
            promise.failed(e);
          }
        });
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("the HTTP client " + name + " could not start", e);
    }
    // Added by start(): they turn a 401 or 407 without a challenge header (as OpenAI answers a
    // wrong key) into a protocol error, hiding the status; we send credentials ourselves anyway.
    client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
    client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
    return client;
  }
}
