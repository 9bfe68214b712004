package ai.cinatra.application.port.out;

import ai.cinatra.domain.workspace.ListId;
import ai.cinatra.domain.workspace.ObjectId;
import ai.cinatra.domain.workspace.ObjectType;
import ai.cinatra.domain.workspace.WorkspaceObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores workspace objects. */
public interface ObjectRepository {

  /** Where a page of objects starts: after this creation time and id. */
  record Position(Instant createdAt, ObjectId id) {}

  void add(WorkspaceObject object);

  Optional<WorkspaceObject> findById(ObjectId id);

  /** The object of this type whose natural key is {@code key}, if any. */
  Optional<WorkspaceObject> findByNaturalKey(ObjectType type, String key);

  /**
   * Stores a changed object if the stored one is still at {@code previousVersion}.
   *
   * @return false when someone else changed it first
   */
  boolean update(WorkspaceObject object, long previousVersion);

  /** Deletes the object and its list memberships; false when there was none. */
  boolean delete(ObjectId id);

  /**
   * Objects of the type, oldest first, after {@code after}, optionally only a list's members and
   * only those whose data contains {@code text} (case-insensitively); at most {@code limit}.
   */
  List<WorkspaceObject> page(
      ObjectType type,
      Optional<ListId> list,
      Optional<String> text,
      Optional<Position> after,
      int limit);
}
