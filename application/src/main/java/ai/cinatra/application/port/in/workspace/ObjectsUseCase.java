package ai.cinatra.application.port.in.workspace;

import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.workspace.ListId;
import ai.cinatra.domain.workspace.ObjectId;
import ai.cinatra.domain.workspace.WorkspaceObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes the workspace's objects, as far as the actor's role allows. */
public interface ObjectsUseCase {

  /** A page of objects and, when there are more, the cursor for the next page. */
  record ObjectPage(List<WorkspaceObject> objects, Optional<String> nextCursor) {}

  /** What saving did: created a new object, or merged into the one with the same natural key. */
  record SavedObject(WorkspaceObject object, boolean isNew, boolean wasMerged) {}

  ObjectPage listObjects(
      Actor actor,
      String type,
      Optional<ListId> list,
      Optional<String> query,
      Optional<String> cursor);

  WorkspaceObject getObject(Actor actor, ObjectId id);

  SavedObject saveObject(
      Actor actor, Map<String, Object> rawData, Optional<String> typeHint, Optional<ListId> list);

  WorkspaceObject updateObject(
      Actor actor, ObjectId id, Map<String, Object> data, Optional<Long> expectedVersion);

  void deleteObject(Actor actor, ObjectId id);
}
