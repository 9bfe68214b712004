package ai.cinatra.planted.libraries.adapters.oauth;

/** Planted violation: Jdbi used outside the adapter it belongs to. */
public class UsesJdbi {
  public Class<?> used() {
    return org.jdbi.v3.core.Jdbi.class;
  }
}
