package ai.cinatra.application.service;

import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.port.in.workspace.ListsUseCase;
import ai.cinatra.application.port.out.AuditRepository;
import ai.cinatra.application.port.out.ListRepository;
import ai.cinatra.application.port.out.ObjectRepository;
import ai.cinatra.application.port.out.TransactionRunner;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.access.Primitive;
import ai.cinatra.domain.workspace.ListId;
import ai.cinatra.domain.workspace.ObjectId;
import ai.cinatra.domain.workspace.ObjectList;
import java.time.Clock;
import java.util.List;

/** Named lists of objects: every read and write checked against the actor's current role. */
public final class ListService implements ListsUseCase {
  /** Members shown with one list; objects_list with the listId pages through all of them. */
  static final int MEMBERS_SHOWN = 100;

  /** Objects one call may add or remove. */
  static final int MAX_BATCH = 100;

  private final ListRepository lists;
  private final ObjectRepository objects;
  private final Auditor auditor;
  private final Clock clock;

  public ListService(
      ListRepository lists,
      ObjectRepository objects,
      AuditRepository audit,
      TransactionRunner transactions,
      Clock clock) {
    this.lists = lists;
    this.objects = objects;
    this.auditor = new Auditor(audit, transactions, clock);
    this.clock = clock;
  }

  @Override
  public List<ListView> lists(Actor actor) {
    Auditor.require(actor, Primitive.LISTS_READ, "read lists");
    return lists.list().stream()
        .map(l -> new ListView(l, lists.countMembers(l.id()), List.of()))
        .toList();
  }

  @Override
  public ListView getList(Actor actor, ListId id) {
    Auditor.require(actor, Primitive.LISTS_READ, "read lists");
    return view(find(id));
  }

  @Override
  public ListView createList(Actor actor, String name) {
    return auditor.mutate(
        actor,
        Primitive.LISTS_WRITE,
        "lists_create",
        name == null ? "" : name,
        () -> {
          ObjectList list = ObjectList.create(name, actor.account(), clock.instant());
          lists.add(list);
          return new ListView(list, 0, List.of());
        });
  }

  @Override
  public ListView addMembers(Actor actor, ListId id, List<ObjectId> members) {
    return auditor.mutate(
        actor,
        Primitive.LISTS_WRITE,
        "lists_members_add",
        id.toString(),
        () -> {
          ObjectList list = find(id);
          checkBatch(members);
          for (ObjectId member : members) {
            if (objects.findById(member).isEmpty()) {
              throw new NotFoundException("no object with id " + member + "; nothing was added");
            }
          }
          lists.addMembers(id, members, clock.instant());
          return view(list);
        });
  }

  @Override
  public ListView removeMembers(Actor actor, ListId id, List<ObjectId> members) {
    return auditor.mutate(
        actor,
        Primitive.LISTS_WRITE,
        "lists_members_remove",
        id.toString(),
        () -> {
          ObjectList list = find(id);
          checkBatch(members);
          lists.removeMembers(id, members);
          return view(list);
        });
  }

  private ListView view(ObjectList list) {
    return new ListView(
        list, lists.countMembers(list.id()), lists.members(list.id(), MEMBERS_SHOWN));
  }

  private ObjectList find(ListId id) {
    return lists.findById(id).orElseThrow(() -> new NotFoundException("no list with id " + id));
  }

  private static void checkBatch(List<ObjectId> members) {
    if (members.isEmpty() || members.size() > MAX_BATCH) {
      throw new InvalidInputException("give 1 to " + MAX_BATCH + " object ids");
    }
  }
}
