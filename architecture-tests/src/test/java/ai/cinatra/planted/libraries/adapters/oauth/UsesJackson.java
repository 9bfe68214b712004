package ai.cinatra.planted.libraries.adapters.oauth;

/** Planted violation: ObjectMapper used outside the adapter it belongs to. */
public class UsesJackson {
  public Class<?> used() {
    return com.fasterxml.jackson.databind.ObjectMapper.class;
  }
}
