package ai.cinatra.domain.account;

import ai.cinatra.domain.error.InvalidValueException;
import java.util.UUID;

/** Identifies one account; random, so an id reveals nothing about how many accounts exist. */
public record AccountId(UUID value) {
  public AccountId {
    if (value == null) {
      throw new InvalidValueException("account id is required");
    }
  }

  public static AccountId random() {
    return new AccountId(UUID.randomUUID());
  }

  public static AccountId parse(String text) {
    try {
      return new AccountId(UUID.fromString(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidValueException("not an account id: " + text);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
