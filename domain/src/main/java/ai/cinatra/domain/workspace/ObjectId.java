package ai.cinatra.domain.workspace;

import ai.cinatra.domain.error.InvalidValueException;
import java.util.UUID;

/** Identifies one workspace object. */
public record ObjectId(UUID value) {
  public ObjectId {
    if (value == null) {
      throw new InvalidValueException("object id is required");
    }
  }

  public static ObjectId random() {
    return new ObjectId(UUID.randomUUID());
  }

  public static ObjectId parse(String text) {
    try {
      return new ObjectId(UUID.fromString(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidValueException("not an object id: " + text);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
