package ai.cinatra.application.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * A token signing key as stored: its public half in the clear, its private half encrypted by the
 * adapter that made it. A retired key no longer signs but still verifies tokens it signed.
 *
 * @param publicKey the X.509 SubjectPublicKeyInfo, BASE64
 * @param encryptedPrivateKey the PKCS#8 private key, encrypted and encoded by the key adapter
 */
public record StoredSigningKey(
    String keyId,
    String algorithm,
    String publicKey,
    String encryptedPrivateKey,
    Instant createdAt,
    Optional<Instant> retiredAt) {

  public StoredSigningKey {
    if (keyId == null || algorithm == null || publicKey == null || encryptedPrivateKey == null) {
      throw new IllegalArgumentException("a stored key has an id, an algorithm and both halves");
    }
    if (createdAt == null || retiredAt == null) {
      throw new IllegalArgumentException("a stored key has a creation time");
    }
  }

  public boolean isActive() {
    return retiredAt.isEmpty();
  }

  @Override
  public String toString() {
    return "StoredSigningKey[keyId="
        + keyId
        + ", createdAt="
        + createdAt
        + ", retiredAt="
        + retiredAt
        + "]";
  }
}
