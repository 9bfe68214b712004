package ai.cinatra.adapters.http.oauth;

import ai.cinatra.adapters.http.page.WebPage;
import ai.cinatra.application.port.in.session.SignInUseCase.SignedInPerson;
import java.util.List;
import java.util.Map;

/**
 * consent.ftlh: which app asks (its verified host, or a note that its name is only what it says),
 * where the person will be sent, and the authorization request carried in hidden fields.
 */
public final class ConsentPage extends WebPage {
  private final String client;
  private final String verifiedHost;
  private final String redirectHost;
  private final List<Map.Entry<String, String>> fields;

  ConsentPage(
      SignedInPerson person,
      String client,
      String verifiedHost,
      String redirectHost,
      List<Map.Entry<String, String>> fields) {
    super(
        "consent.ftlh",
        "Connect " + client + (verifiedHost.isEmpty() ? "" : " — " + verifiedHost),
        person);
    this.client = client;
    this.verifiedHost = verifiedHost;
    this.redirectHost = redirectHost;
    this.fields = List.copyOf(fields);
  }

  public String getClient() {
    return client;
  }

  /** The host the client's metadata document was fetched from over https; empty when none. */
  public String getVerifiedHost() {
    return verifiedHost;
  }

  public String getRedirectHost() {
    return redirectHost;
  }

  /** The request's parameters and the session's CSRF token, in order, as hidden fields. */
  public List<Map.Entry<String, String>> getFields() {
    return fields;
  }
}
