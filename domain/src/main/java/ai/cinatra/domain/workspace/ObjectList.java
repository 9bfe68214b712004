package ai.cinatra.domain.workspace;

import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.error.InvalidValueException;
import java.time.Instant;

/** A named list of objects; its members are kept beside it. */
public record ObjectList(ListId id, String name, AccountId createdBy, Instant createdAt) {
  public static final int MAX_NAME = 200;

  public ObjectList {
    if (id == null || createdBy == null || createdAt == null) {
      throw new InvalidValueException("a list has an id, a creator and a creation time");
    }
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      throw new InvalidValueException("a list's name is 1 to " + MAX_NAME + " characters");
    }
    name = name.strip();
  }

  public static ObjectList create(String name, AccountId by, Instant now) {
    return new ObjectList(ListId.random(), name, by, now);
  }
}
