package ai.cinatra.domain.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random bearer strings the server hands out once (client secrets, codes, refresh tokens) and the
 * hashes it keeps instead. They carry 256 random bits, so a fast hash is as safe as a slow one.
 */
public final class OpaqueSecret {
  private static final SecureRandom RANDOM = new SecureRandom();

  private OpaqueSecret() {}

  /** A new secret: 256 random bits, BASE64URL without padding (43 characters). */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** What is stored: BASE64URL(SHA-256(secret)). */
  public static String hash(String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Compares a presented secret with a stored hash in constant time. */
  public static boolean matches(String secret, String storedHash) {
    if (secret == null || storedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(
        hash(secret).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
