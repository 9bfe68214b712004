package ai.cinatra.adapters.oauth;

import ai.cinatra.application.port.out.SecretBox;
import java.nio.charset.StandardCharsets;

/** Connector secrets sealed with the key-encryption key (AES-256-GCM), like the signing keys. */
public final class SealedSecrets implements SecretBox {
  /** Bound into every sealed secret, so a sealed signing key cannot pass for a secret. */
  private static final String PURPOSE = "connector-secret";

  private final KeyEncryption encryption;

  public SealedSecrets(KeyEncryption encryption) {
    this.encryption = encryption;
  }

  @Override
  public String seal(String secret) {
    return encryption.encrypt(secret.getBytes(StandardCharsets.UTF_8), PURPOSE);
  }

  @Override
  public String open(String sealed) {
    return new String(encryption.decrypt(sealed, PURPOSE), StandardCharsets.UTF_8);
  }
}
