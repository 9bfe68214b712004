package ai.cinatra.domain.workspace;

import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.error.InvalidValueException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A piece of the workspace's data: a type, a JSON object of data and a version that grows with
 * every change, so a writer holding an old version learns it is stale instead of overwriting.
 */
public record WorkspaceObject(
    ObjectId id,
    ObjectType type,
    Map<String, Object> data,
    long version,
    AccountId createdBy,
    Instant createdAt,
    Instant updatedAt) {

  /** The fields that name an object within its type, first present wins; saving merges on it. */
  public static final List<String> NATURAL_KEYS = List.of("id", "email", "url", "name");

  public WorkspaceObject {
    if (id == null || type == null || data == null || createdBy == null) {
      throw new InvalidValueException("an object has an id, a type, data and a creator");
    }
    if (createdAt == null || updatedAt == null || version < 1) {
      throw new InvalidValueException("an object has times and a version from 1");
    }
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  public static WorkspaceObject create(
      ObjectType type, Map<String, Object> data, AccountId by, Instant now) {
    return new WorkspaceObject(ObjectId.random(), type, data, 1, by, now, now);
  }

  /** The natural key's value ("email:ada@example.org"), if the data has one. */
  public Optional<String> naturalKey() {
    return naturalKeyOf(data);
  }

  public static Optional<String> naturalKeyOf(Map<String, Object> data) {
    for (String field : NATURAL_KEYS) {
      Object value = data.get(field);
      if (value instanceof String || value instanceof Number) {
        String text = value.toString().strip();
        if (!text.isEmpty() && text.length() <= 200) {
          return Optional.of(field + ":" + text.toLowerCase(Locale.ROOT));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Replaces the data.
   *
   * @throws StaleVersionException when the writer read an older version
   */
  public WorkspaceObject replace(
      Map<String, Object> newData, Optional<Long> expectedVersion, Instant now) {
    if (expectedVersion.isPresent() && expectedVersion.get() != version) {
      throw new StaleVersionException(id, expectedVersion.get(), version);
    }
    return new WorkspaceObject(id, type, newData, version + 1, createdBy, createdAt, now);
  }

  /** Merges fields in, the new values winning; a field set to null is removed. */
  public WorkspaceObject merge(Map<String, Object> fields, Instant now) {
    Map<String, Object> merged = new LinkedHashMap<>(data);
    fields.forEach(
        (k, v) -> {
          if (v == null) {
            merged.remove(k);
          } else {
            merged.put(k, v);
          }
        });
    return new WorkspaceObject(id, type, merged, version + 1, createdBy, createdAt, now);
  }
}
