package ai.cinatra.adapters.oauth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private keys at rest with AES-256-GCM under a key-encryption key from configuration; the
 * key id is bound as associated data so a stored key cannot be swapped onto another id.
 */
public final class KeyEncryption {
  private static final String VERSION = "v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param keyEncryptionKey 32 bytes
   */
  public KeyEncryption(byte[] keyEncryptionKey) {
    if (keyEncryptionKey == null || keyEncryptionKey.length != 32) {
      throw new IllegalArgumentException("the key-encryption key must be 32 bytes (256 bits)");
    }
    this.key = new SecretKeySpec(keyEncryptionKey.clone(), "AES");
  }

  public String encrypt(byte[] plain, String keyId) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      byte[] out = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
      return VERSION + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is in every JDK", e);
    }
  }

  /**
   * @throws IllegalStateException when the data was not encrypted with this key for this key id
   */
  public byte[] decrypt(String encrypted, String keyId) {
    if (encrypted == null || !encrypted.startsWith(VERSION)) {
      throw new IllegalStateException("signing key " + keyId + " is not in a known encrypted form");
    }
    try {
      byte[] in = Base64.getDecoder().decode(encrypted.substring(VERSION.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "signing key "
              + keyId
              + " cannot be decrypted: the key-encryption key is not the one it was stored with",
          e);
    }
  }
}
