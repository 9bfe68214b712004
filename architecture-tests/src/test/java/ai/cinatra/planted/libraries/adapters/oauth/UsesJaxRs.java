package ai.cinatra.planted.libraries.adapters.oauth;

/** Planted violation: Response used outside the adapter it belongs to. */
public class UsesJaxRs {
  public Class<?> used() {
    return jakarta.ws.rs.core.Response.class;
  }
}
