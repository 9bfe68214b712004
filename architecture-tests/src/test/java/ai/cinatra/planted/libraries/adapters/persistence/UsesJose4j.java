package ai.cinatra.planted.libraries.adapters.persistence;

/** Planted violation: JwtClaims used outside the adapter it belongs to. */
public class UsesJose4j {
  public Class<?> used() {
    return org.jose4j.jwt.JwtClaims.class;
  }
}
