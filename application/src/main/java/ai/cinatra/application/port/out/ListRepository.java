package ai.cinatra.application.port.out;

import ai.cinatra.domain.workspace.ListId;
import ai.cinatra.domain.workspace.ObjectId;
import ai.cinatra.domain.workspace.ObjectList;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stores lists and which objects they hold. */
public interface ListRepository {
  void add(ObjectList list);

  Optional<ObjectList> findById(ListId id);

  /** Every list, oldest first. */
  List<ObjectList> list();

  /** Adds the objects not yet in the list; objects already in it stay as they are. */
  void addMembers(ListId list, Collection<ObjectId> objects, Instant at);

  void removeMembers(ListId list, Collection<ObjectId> objects);

  /** The list's members in the order they were added, at most {@code limit}. */
  List<ObjectId> members(ListId list, int limit);

  int countMembers(ListId list);
}
