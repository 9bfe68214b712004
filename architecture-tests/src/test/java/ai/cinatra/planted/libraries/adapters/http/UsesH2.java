package ai.cinatra.planted.libraries.adapters.http;

/** Planted violation: Driver used outside the adapter it belongs to. */
public class UsesH2 {
  public Class<?> used() {
    return org.h2.Driver.class;
  }
}
