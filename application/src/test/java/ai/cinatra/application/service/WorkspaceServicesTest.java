package ai.cinatra.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.error.ForbiddenException;
import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.fakes.Actors;
import ai.cinatra.application.fakes.DirectTransactions;
import ai.cinatra.application.fakes.InMemoryWorkspace;
import ai.cinatra.application.fakes.MutableClock;
import ai.cinatra.application.port.in.workspace.ListsUseCase.ListView;
import ai.cinatra.application.port.in.workspace.ObjectsUseCase.ObjectPage;
import ai.cinatra.application.port.in.workspace.ObjectsUseCase.SavedObject;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.audit.AuditEntry;
import ai.cinatra.domain.workspace.ListId;
import ai.cinatra.domain.workspace.ObjectId;
import ai.cinatra.domain.workspace.WorkspaceObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkspaceServicesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private final InMemoryWorkspace store = new InMemoryWorkspace();
  private final ObjectService objects =
      new ObjectService(store, store, store, new DirectTransactions(), clock);
  private final ListService lists =
      new ListService(store, store, store, new DirectTransactions(), clock);
  private final Actor member = actor(Role.MEMBER);
  private final Actor viewer = actor(Role.VIEWER);

  private static Actor actor(Role role) {
    return Actors.of(role);
  }

  private List<String> outcomes() {
    return store.audit.stream().map(e -> e.action() + ":" + e.outcome()).toList();
  }

  @Test
  void save_createsThenMergesOnTheNaturalKey_andAuditsEachWrite() {
    SavedObject first =
        objects.saveObject(
            member,
            Map.of("email", "Ada@example.org", "name", "Ada"),
            Optional.of("Contact"),
            Optional.empty());
    assertThat(first.isNew()).isTrue();
    assertThat(first.object().type().value()).isEqualTo("contact");

    SavedObject again =
        objects.saveObject(
            member,
            Map.of("email", "ada@example.org", "title", "Countess"),
            Optional.of("contact"),
            Optional.empty());
    assertThat(again.isNew()).isFalse();
    assertThat(again.wasMerged()).isTrue();
    assertThat(again.object().id()).isEqualTo(first.object().id());
    assertThat(again.object().version()).isEqualTo(2);
    assertThat(again.object().data())
        .containsEntry("name", "Ada")
        .containsEntry("title", "Countess");
    AuditEntry entry = store.audit.get(0);
    assertThat(entry.account()).isEqualTo(member.account());
    assertThat(entry.client()).isEqualTo(member.client());
    assertThat(outcomes()).containsExactly("objects_save:ok", "objects_save:ok");
  }

  @Test
  void viewers_read_butEveryWriteIsRefused_audited_andWritesNothing() {
    WorkspaceObject saved =
        objects
            .saveObject(member, Map.of("name", "x"), Optional.empty(), Optional.empty())
            .object();
    assertThat(objects.getObject(viewer, saved.id())).isEqualTo(saved);

    assertThatThrownBy(
            () ->
                objects.saveObject(viewer, Map.of("name", "y"), Optional.empty(), Optional.empty()))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("needs member");
    assertThatThrownBy(
            () -> objects.updateObject(viewer, saved.id(), Map.of("name", "z"), Optional.empty()))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> objects.deleteObject(viewer, saved.id()))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> lists.createList(viewer, "mine"))
        .isInstanceOf(ForbiddenException.class);

    assertThat(objects.getObject(member, saved.id())).isEqualTo(saved);
    assertThat(lists.lists(viewer)).isEmpty();
    assertThat(outcomes())
        .containsExactly(
            "objects_save:ok",
            "objects_save:refused",
            "objects_update:refused",
            "objects_delete:refused",
            "lists_create:refused");
  }

  @Test
  void staleExpectedVersion_isAConflict_andChangesNothing() {
    WorkspaceObject saved =
        objects
            .saveObject(member, Map.of("name", "x"), Optional.empty(), Optional.empty())
            .object();
    WorkspaceObject updated =
        objects.updateObject(member, saved.id(), Map.of("name", "y"), Optional.of(1L));
    assertThat(updated.version()).isEqualTo(2);

    assertThatThrownBy(
            () -> objects.updateObject(member, saved.id(), Map.of("name", "z"), Optional.of(1L)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("is at version 2, not 1");
    assertThat(objects.getObject(member, saved.id()).data()).containsEntry("name", "y");
    assertThat(outcomes()).endsWith("objects_update:conflict");
  }

  @Test
  void unknownIds_areNotFound_forReadsAndWrites() {
    ObjectId nowhere = ObjectId.random();
    assertThatThrownBy(() -> objects.getObject(member, nowhere))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> objects.deleteObject(member, nowhere))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                objects.saveObject(
                    member, Map.of("a", 1), Optional.empty(), Optional.of(ListId.random())))
        .isInstanceOf(NotFoundException.class);
    assertThat(
            store.page(
                ai.cinatra.domain.workspace.ObjectType.DEFAULT,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                10))
        .isEmpty();
    assertThat(outcomes()).containsExactly("objects_delete:not_found", "objects_save:not_found");
  }

  @Test
  void lists_holdObjects_andRefuseUnknownMembersWithoutAddingAny() {
    ListView list = lists.createList(member, "  Leads ");
    assertThat(list.list().name()).isEqualTo("Leads");
    WorkspaceObject a =
        objects
            .saveObject(member, Map.of("name", "a"), Optional.empty(), Optional.empty())
            .object();
    WorkspaceObject b =
        objects
            .saveObject(
                member, Map.of("name", "b"), Optional.empty(), Optional.of(list.list().id()))
            .object();

    assertThatThrownBy(
            () -> lists.addMembers(member, list.list().id(), List.of(a.id(), ObjectId.random())))
        .isInstanceOf(NotFoundException.class);
    assertThat(lists.getList(viewer, list.list().id()).members()).containsExactly(b.id());

    assertThat(lists.addMembers(member, list.list().id(), List.of(a.id())).size()).isEqualTo(2);
    assertThat(lists.removeMembers(member, list.list().id(), List.of(b.id())).members())
        .containsExactly(a.id());
    assertThatThrownBy(() -> lists.addMembers(member, list.list().id(), List.of()))
        .isInstanceOf(InvalidInputException.class);
    ObjectPage inList =
        objects.listObjects(
            viewer, "note", Optional.of(list.list().id()), Optional.empty(), Optional.empty());
    assertThat(inList.objects()).containsExactly(a);
  }

  @Test
  void listObjects_pagesOldestFirst_withACursor_andFiltersByText() {
    List<ObjectId> saved = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      saved.add(
          objects
              .saveObject(
                  member,
                  Map.of("n", i, "tag", i % 2 == 0 ? "even" : "odd"),
                  Optional.of("row"),
                  Optional.empty())
              .object()
              .id());
      clock.advance(Duration.ofMillis(1));
    }
    List<ObjectId> seen = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    int pages = 0;
    do {
      ObjectPage page =
          objects.listObjects(viewer, "row", Optional.empty(), Optional.empty(), cursor);
      page.objects().forEach(o -> seen.add(o.id()));
      cursor = page.nextCursor();
      pages++;
    } while (cursor.isPresent());
    assertThat(pages).isEqualTo(3);
    assertThat(seen).isEqualTo(saved);
    assertThat(
            objects
                .listObjects(viewer, "row", Optional.empty(), Optional.of("ODD"), Optional.empty())
                .objects())
        .hasSize(50)
        .allSatisfy(o -> assertThat(o.data()).containsEntry("tag", "odd"));
    assertThatThrownBy(
            () ->
                objects.listObjects(
                    viewer, "row", Optional.empty(), Optional.empty(), Optional.of("garbage")))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void oversizedQueriesAndBatches_areRefused_andNothingChanges() {
    assertThatThrownBy(
            () ->
                objects.listObjects(
                    viewer,
                    "note",
                    Optional.empty(),
                    Optional.of("q".repeat(201)),
                    Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at most 200");
    ListView list = lists.createList(member, "Big");
    WorkspaceObject a =
        objects
            .saveObject(member, Map.of("name", "a"), Optional.empty(), Optional.empty())
            .object();
    List<ObjectId> tooMany = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      tooMany.add(a.id());
    }
    assertThatThrownBy(() -> lists.addMembers(member, list.list().id(), tooMany))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("1 to 100");
    assertThat(lists.getList(member, list.list().id()).size()).isZero();
  }
}
