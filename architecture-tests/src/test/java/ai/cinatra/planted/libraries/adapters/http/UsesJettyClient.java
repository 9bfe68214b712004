package ai.cinatra.planted.libraries.adapters.http;

/** Planted violation: Jetty's HTTP client used outside the outbound adapter. */
public class UsesJettyClient {
  public Class<?> used() {
    return org.eclipse.jetty.client.HttpClient.class;
  }
}
