package ai.cinatra.domain.oauth;

import ai.cinatra.domain.error.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** PKCE with S256 only (RFC 7636; OAuth 2.1 forbids plain): a challenge and its verification. */
public record Pkce(String challenge) {
  /** BASE64URL of a SHA-256 digest: always 43 characters. */
  private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

  public Pkce {
    if (challenge == null || !CHALLENGE.matcher(challenge).matches()) {
      throw new InvalidValueException(
          "code_challenge must be the 43-character BASE64URL SHA-256 of the verifier");
    }
  }

  /** The challenge with its method, refusing any method but S256. */
  public static Pkce of(String challenge, String method) {
    if (challenge == null || challenge.isEmpty()) {
      throw new InvalidValueException("code_challenge is required (PKCE with S256)");
    }
    if (!"S256".equals(method)) {
      throw new InvalidValueException("code_challenge_method must be S256");
    }
    return new Pkce(challenge);
  }

  /** True when {@code verifier} is well formed and hashes to this challenge. */
  public boolean isVerifiedBy(String verifier) {
    if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
      return false;
    }
    return MessageDigest.isEqual(
        challenge.getBytes(StandardCharsets.US_ASCII),
        s256(verifier).getBytes(StandardCharsets.US_ASCII));
  }

  /** BASE64URL(SHA-256(ASCII(verifier))), as RFC 7636 section 4.2 defines it. */
  public static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
