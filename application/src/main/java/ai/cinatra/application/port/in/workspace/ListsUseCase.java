package ai.cinatra.application.port.in.workspace;

import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.workspace.ListId;
import ai.cinatra.domain.workspace.ObjectId;
import ai.cinatra.domain.workspace.ObjectList;
import java.util.List;

/** Named lists of objects, as far as the actor's role allows. */
public interface ListsUseCase {

  /** A list with how many objects it holds and (for one list) the first of them. */
  record ListView(ObjectList list, int size, List<ObjectId> members) {}

  List<ListView> lists(Actor actor);

  ListView getList(Actor actor, ListId id);

  ListView createList(Actor actor, String name);

  ListView addMembers(Actor actor, ListId id, List<ObjectId> objects);

  ListView removeMembers(Actor actor, ListId id, List<ObjectId> objects);
}
