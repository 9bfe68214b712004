package ai.cinatra.planted.libraries.adapters.persistence;

/** Planted violation: Argon2Parameters used outside the adapter it belongs to. */
public class UsesBouncyCastle {
  public Class<?> used() {
    return org.bouncycastle.crypto.params.Argon2Parameters.class;
  }
}
