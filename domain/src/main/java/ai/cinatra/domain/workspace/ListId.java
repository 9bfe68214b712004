package ai.cinatra.domain.workspace;

import ai.cinatra.domain.error.InvalidValueException;
import java.util.UUID;

/** Identifies one list of objects. */
public record ListId(UUID value) {
  public ListId {
    if (value == null) {
      throw new InvalidValueException("list id is required");
    }
  }

  public static ListId random() {
    return new ListId(UUID.randomUUID());
  }

  public static ListId parse(String text) {
    try {
      return new ListId(UUID.fromString(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidValueException("not a list id: " + text);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
