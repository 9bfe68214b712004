package ai.cinatra.domain.run;

import ai.cinatra.domain.error.InvalidValueException;
import java.util.UUID;

/** Identifies one agent run; random, so an id reveals nothing about other runs. */
public record RunId(UUID value) {
  public RunId {
    if (value == null) {
      throw new InvalidValueException("run id is required");
    }
  }

  public static RunId random() {
    return new RunId(UUID.randomUUID());
  }

  public static RunId parse(String text) {
    try {
      return new RunId(UUID.fromString(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidValueException("not a run id: " + text);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
