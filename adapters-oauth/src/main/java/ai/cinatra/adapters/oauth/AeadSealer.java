package ai.cinatra.adapters.oauth;

import ai.cinatra.application.port.out.Sealer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Seals with AES-256-GCM under the deployment's key-encryption key (shared by every node), the
 * purpose bound as associated data.
 */
public final class AeadSealer implements Sealer {
  private final KeyEncryption encryption;

  public AeadSealer(KeyEncryption encryption) {
    this.encryption = encryption;
  }

  @Override
  public String seal(String purpose, String plain) {
    return encryption.encrypt(plain.getBytes(StandardCharsets.UTF_8), purpose);
  }

  @Override
  public Optional<String> open(String purpose, String sealed) {
    try {
      return Optional.of(new String(encryption.decrypt(sealed, purpose), StandardCharsets.UTF_8));
    } catch (RuntimeException e) { // altered, truncated, another key or another purpose
      return Optional.empty();
    }
  }
}
