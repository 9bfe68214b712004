package ai.cinatra.planted.libraries.adapters.persistence;

/** Planted violation: Configuration used outside the adapter it belongs to. */
public class UsesDropwizard {
  public Class<?> used() {
    return io.dropwizard.core.Configuration.class;
  }
}
