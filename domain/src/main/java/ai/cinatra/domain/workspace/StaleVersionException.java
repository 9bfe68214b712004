package ai.cinatra.domain.workspace;

import ai.cinatra.domain.error.InvalidValueException;

/** A write based on an older version of an object than the stored one. */
public final class StaleVersionException extends InvalidValueException {
  public StaleVersionException(ObjectId id, long expected, long actual) {
    super(
        "object "
            + id
            + " is at version "
            + actual
            + ", not "
            + expected
            + "; read it again (objects_get) and apply your change to the current data");
  }
}
