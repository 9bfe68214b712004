package ai.cinatra.planted.libraries.adapters.http;

/** Planted violation: Driver used outside the adapter it belongs to. */
public class UsesPostgresDriver {
  public Class<?> used() {
    return org.postgresql.Driver.class;
  }
}
