package ai.cinatra.application.service;

import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.port.in.workspace.ObjectsUseCase;
import ai.cinatra.application.port.out.AuditRepository;
import ai.cinatra.application.port.out.ListRepository;
import ai.cinatra.application.port.out.ObjectRepository;
import ai.cinatra.application.port.out.ObjectRepository.Position;
import ai.cinatra.application.port.out.TransactionRunner;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.access.Primitive;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.paging.PageCursor;
import ai.cinatra.domain.workspace.ListId;
import ai.cinatra.domain.workspace.ObjectId;
import ai.cinatra.domain.workspace.ObjectType;
import ai.cinatra.domain.workspace.StaleVersionException;
import ai.cinatra.domain.workspace.WorkspaceObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The workspace's objects: every read and write checked against the actor's current role. */
public final class ObjectService implements ObjectsUseCase {
  static final int PAGE_SIZE = 50;
  static final int MAX_QUERY = 200;

  private final ObjectRepository objects;
  private final ListRepository lists;
  private final Auditor auditor;
  private final Clock clock;

  public ObjectService(
      ObjectRepository objects,
      ListRepository lists,
      AuditRepository audit,
      TransactionRunner transactions,
      Clock clock) {
    this.objects = objects;
    this.lists = lists;
    this.auditor = new Auditor(audit, transactions, clock);
    this.clock = clock;
  }

  @Override
  public ObjectPage listObjects(
      Actor actor,
      String type,
      Optional<ListId> list,
      Optional<String> query,
      Optional<String> cursor) {
    Auditor.require(actor, Primitive.OBJECTS_READ, "read objects");
    if (query.isPresent() && query.get().length() > MAX_QUERY) {
      throw new InvalidInputException("query is at most " + MAX_QUERY + " characters");
    }
    if (list.isPresent() && lists.findById(list.get()).isEmpty()) {
      throw new NotFoundException("no list with id " + list.get());
    }
    List<WorkspaceObject> page =
        objects.page(
            ObjectType.of(type),
            list,
            query.filter(q -> !q.isBlank()),
            cursor.map(ObjectService::decode),
            PAGE_SIZE + 1);
    if (page.size() <= PAGE_SIZE) {
      return new ObjectPage(page, Optional.empty());
    }
    List<WorkspaceObject> shown = page.subList(0, PAGE_SIZE);
    WorkspaceObject last = shown.get(PAGE_SIZE - 1);
    return new ObjectPage(shown, Optional.of(encode(last.createdAt(), last.id())));
  }

  @Override
  public WorkspaceObject getObject(Actor actor, ObjectId id) {
    Auditor.require(actor, Primitive.OBJECTS_READ, "read objects");
    return find(id);
  }

  @Override
  public SavedObject saveObject(
      Actor actor, Map<String, Object> rawData, Optional<String> typeHint, Optional<ListId> list) {
    ObjectType type = typeHint.map(ObjectType::of).orElse(ObjectType.DEFAULT);
    return auditor.mutate(
        actor,
        Primitive.OBJECTS_WRITE,
        "objects_save",
        type.value(),
        () -> {
          if (list.isPresent() && lists.findById(list.get()).isEmpty()) {
            throw new NotFoundException("no list with id " + list.get());
          }
          Instant now = clock.instant();
          Optional<WorkspaceObject> existing =
              WorkspaceObject.naturalKeyOf(rawData).flatMap(k -> objects.findByNaturalKey(type, k));
          SavedObject saved;
          if (existing.isPresent()) {
            WorkspaceObject merged = existing.get().merge(rawData, now);
            store(merged, existing.get().version());
            saved = new SavedObject(merged, false, true);
          } else {
            WorkspaceObject created = WorkspaceObject.create(type, rawData, actor.account(), now);
            objects.add(created);
            saved = new SavedObject(created, true, false);
          }
          list.ifPresent(l -> lists.addMembers(l, Set.of(saved.object().id()), now));
          return saved;
        });
  }

  @Override
  public WorkspaceObject updateObject(
      Actor actor, ObjectId id, Map<String, Object> data, Optional<Long> expectedVersion) {
    return auditor.mutate(
        actor,
        Primitive.OBJECTS_WRITE,
        "objects_update",
        id.toString(),
        () -> {
          WorkspaceObject current = find(id);
          WorkspaceObject updated;
          try {
            updated = current.replace(data, expectedVersion, clock.instant());
          } catch (StaleVersionException e) {
            throw new ConflictException(e.getMessage());
          }
          store(updated, current.version());
          return updated;
        });
  }

  @Override
  public void deleteObject(Actor actor, ObjectId id) {
    auditor.mutate(
        actor,
        Primitive.OBJECTS_WRITE,
        "objects_delete",
        id.toString(),
        () -> {
          if (!objects.delete(id)) {
            throw notFound(id);
          }
          return null;
        });
  }

  private WorkspaceObject find(ObjectId id) {
    return objects.findById(id).orElseThrow(() -> notFound(id));
  }

  private void store(WorkspaceObject changed, long previousVersion) {
    if (!objects.update(changed, previousVersion)) {
      throw new ConflictException(
          "object " + changed.id() + " changed while this write ran; read it again and retry");
    }
  }

  private static NotFoundException notFound(ObjectId id) {
    return new NotFoundException("no object with id " + id);
  }

  static String encode(Instant createdAt, ObjectId id) {
    return PageCursor.encode(new PageCursor.Position(createdAt, id.toString()));
  }

  static Position decode(String cursor) {
    try {
      PageCursor.Position at = PageCursor.position(cursor);
      return new Position(at.createdAt(), ObjectId.parse(at.id()));
    } catch (InvalidValueException | IllegalArgumentException e) {
      throw new InvalidInputException("invalid cursor; pass back a nextCursor this server gave");
    }
  }
}
