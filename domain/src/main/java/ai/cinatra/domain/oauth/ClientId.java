package ai.cinatra.domain.oauth;

import ai.cinatra.domain.error.InvalidValueException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Identifies a registered OAuth client: random, opaque, safe in URLs. */
public record ClientId(String value) {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  public ClientId {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new InvalidValueException("not a client id");
    }
  }

  /** A new id with 128 random bits. */
  public static ClientId random() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return new ClientId("mcp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  @Override
  public String toString() {
    return value;
  }
}
