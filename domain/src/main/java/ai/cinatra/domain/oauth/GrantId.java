package ai.cinatra.domain.oauth;

import ai.cinatra.domain.error.InvalidValueException;
import java.util.UUID;

/** Identifies one grant: an account's consent to one client, from which tokens are issued. */
public record GrantId(UUID value) {
  public GrantId {
    if (value == null) {
      throw new InvalidValueException("grant id is required");
    }
  }

  public static GrantId random() {
    return new GrantId(UUID.randomUUID());
  }

  public static GrantId parse(String text) {
    try {
      return new GrantId(UUID.fromString(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidValueException("not a grant id");
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
