package ai.cinatra.planted.libraries.adapters.oauth;

/** Planted violation: Liquibase used outside the adapter it belongs to. */
public class UsesLiquibase {
  public Class<?> used() {
    return liquibase.Liquibase.class;
  }
}
