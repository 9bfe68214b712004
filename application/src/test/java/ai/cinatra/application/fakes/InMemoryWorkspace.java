package ai.cinatra.application.fakes;

import ai.cinatra.application.port.out.AuditRepository;
import ai.cinatra.application.port.out.ListRepository;
import ai.cinatra.application.port.out.ObjectRepository;
import ai.cinatra.domain.audit.AuditEntry;
import ai.cinatra.domain.workspace.ListId;
import ai.cinatra.domain.workspace.ObjectId;
import ai.cinatra.domain.workspace.ObjectList;
import ai.cinatra.domain.workspace.ObjectType;
import ai.cinatra.domain.workspace.WorkspaceObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Objects, lists and the audit trail in memory, for service tests. */
public final class InMemoryWorkspace implements ObjectRepository, ListRepository, AuditRepository {
  private final Map<ObjectId, WorkspaceObject> objects = new LinkedHashMap<>();
  private final Map<ListId, ObjectList> lists = new LinkedHashMap<>();
  private final Map<ListId, LinkedHashSet<ObjectId>> members = new LinkedHashMap<>();
  public final List<AuditEntry> audit = new ArrayList<>();

  @Override
  public void add(WorkspaceObject object) {
    objects.put(object.id(), object);
  }

  @Override
  public Optional<WorkspaceObject> findById(ObjectId id) {
    return Optional.ofNullable(objects.get(id));
  }

  @Override
  public Optional<WorkspaceObject> findByNaturalKey(ObjectType type, String key) {
    return objects.values().stream()
        .filter(o -> o.type().equals(type) && o.naturalKey().equals(Optional.of(key)))
        .findFirst();
  }

  @Override
  public boolean update(WorkspaceObject object, long previousVersion) {
    WorkspaceObject stored = objects.get(object.id());
    if (stored == null || stored.version() != previousVersion) {
      return false;
    }
    objects.put(object.id(), object);
    return true;
  }

  @Override
  public boolean delete(ObjectId id) {
    members.values().forEach(m -> m.remove(id));
    return objects.remove(id) != null;
  }

  @Override
  public List<WorkspaceObject> page(
      ObjectType type,
      Optional<ListId> list,
      Optional<String> text,
      Optional<Position> after,
      int limit) {
    Comparator<WorkspaceObject> order =
        Comparator.comparing(WorkspaceObject::createdAt).thenComparing(o -> o.id().value());
    return objects.values().stream()
        .filter(o -> o.type().equals(type))
        .filter(o -> list.isEmpty() || members.get(list.get()).contains(o.id()))
        .filter(
            o ->
                text.isEmpty()
                    || o.data().toString().toLowerCase().contains(text.get().toLowerCase()))
        .filter(
            o ->
                after.isEmpty()
                    || o.createdAt().isAfter(after.get().createdAt())
                    || (o.createdAt().equals(after.get().createdAt())
                        && o.id().value().compareTo(after.get().id().value()) > 0))
        .sorted(order)
        .limit(limit)
        .toList();
  }

  @Override
  public void add(ObjectList list) {
    lists.put(list.id(), list);
    members.put(list.id(), new LinkedHashSet<>());
  }

  @Override
  public Optional<ObjectList> findById(ListId id) {
    return Optional.ofNullable(lists.get(id));
  }

  @Override
  public List<ObjectList> list() {
    return new ArrayList<>(lists.values());
  }

  @Override
  public void addMembers(ListId list, Collection<ObjectId> objects, Instant at) {
    members.get(list).addAll(objects);
  }

  @Override
  public void removeMembers(ListId list, Collection<ObjectId> objects) {
    members.get(list).removeAll(objects);
  }

  @Override
  public List<ObjectId> members(ListId list, int limit) {
    return members.get(list).stream().limit(limit).toList();
  }

  @Override
  public int countMembers(ListId list) {
    return members.get(list).size();
  }

  @Override
  public void append(AuditEntry entry) {
    audit.add(entry);
  }

  @Override
  public List<AuditEntry> page(long beforeId, int limit) {
    List<AuditEntry> newestFirst = new ArrayList<>(audit);
    java.util.Collections.reverse(newestFirst);
    return newestFirst.stream().limit(limit).toList();
  }
}
