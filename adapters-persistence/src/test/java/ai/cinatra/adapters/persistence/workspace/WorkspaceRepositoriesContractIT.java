package ai.cinatra.adapters.persistence.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.persistence.TestDatabase;
import ai.cinatra.adapters.persistence.audit.JdbiAuditRepository;
import ai.cinatra.application.port.out.ObjectRepository.Position;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.audit.AuditEntry;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.workspace.ObjectList;
import ai.cinatra.domain.workspace.ObjectType;
import ai.cinatra.domain.workspace.WorkspaceObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Objects, lists and the audit trail, run against H2 and against the real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class WorkspaceRepositoriesContractIT {
  private static final Instant T0 = Instant.parse("2026-11-29T10:15:30.123456Z");
  private static final ObjectType CONTACT = new ObjectType("contact");

  @Parameter TestDatabase.Kind kind;

  private TestDatabase database;
  private JdbiObjectRepository objects;
  private JdbiListRepository lists;
  private JdbiAuditRepository audit;
  private final AccountId ada = AccountId.random();

  @BeforeEach
  void openDatabase() {
    database = TestDatabase.create(kind);
    objects = new JdbiObjectRepository(database.jdbi());
    lists = new JdbiListRepository(database.jdbi());
    audit = new JdbiAuditRepository(database.jdbi());
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  private WorkspaceObject object(Map<String, Object> data, Instant at) {
    WorkspaceObject object = WorkspaceObject.create(CONTACT, data, ada, at);
    objects.add(object);
    return object;
  }

  @Test
  void objects_roundTripTheirData_findByNaturalKey_andUpdateOnlyFromTheStoredVersion() {
    WorkspaceObject stored =
        object(Map.of("email", "Ada@Example.org", "tags", List.of("a", "b"), "n", 3), T0);

    assertThat(objects.findById(stored.id())).contains(stored);
    assertThat(objects.findByNaturalKey(CONTACT, "email:ada@example.org")).contains(stored);
    assertThat(objects.findByNaturalKey(new ObjectType("company"), "email:ada@example.org"))
        .isEmpty();

    WorkspaceObject changed = stored.merge(Map.of("n", 4), T0.plusSeconds(1));
    assertThat(objects.update(changed, 1)).isTrue();
    assertThat(objects.update(stored.merge(Map.of("n", 5), T0), 1)).isFalse();
    assertThat(objects.findById(stored.id()).orElseThrow().data()).containsEntry("n", 4);
    assertThat(objects.findById(stored.id()).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void page_ordersByCreation_resumesAfterAPosition_andFiltersByListAndText() {
    WorkspaceObject a = object(Map.of("name", "Ada 100%"), T0);
    WorkspaceObject b = object(Map.of("name", "Bob"), T0.plusSeconds(1));
    WorkspaceObject c = object(Map.of("name", "Cleo"), T0.plusSeconds(2));
    ObjectList list = ObjectList.create("Leads", ada, T0);
    lists.add(list);
    lists.addMembers(list.id(), List.of(c.id(), a.id()), T0);

    assertThat(objects.page(CONTACT, Optional.empty(), Optional.empty(), Optional.empty(), 10))
        .containsExactly(a, b, c);
    assertThat(
            objects.page(
                CONTACT,
                Optional.empty(),
                Optional.empty(),
                Optional.of(new Position(b.createdAt(), b.id())),
                10))
        .containsExactly(c);
    assertThat(
            objects.page(CONTACT, Optional.of(list.id()), Optional.empty(), Optional.empty(), 10))
        .containsExactly(a, c);
    assertThat(objects.page(CONTACT, Optional.empty(), Optional.of("BOB"), Optional.empty(), 10))
        .containsExactly(b);
    // LIKE's own characters are taken literally.
    assertThat(objects.page(CONTACT, Optional.empty(), Optional.of("0%"), Optional.empty(), 10))
        .containsExactly(a);
    assertThat(objects.page(CONTACT, Optional.empty(), Optional.of("_"), Optional.empty(), 10))
        .isEmpty();
  }

  @Test
  void lists_addMembersOnce_removeThem_andLoseThemWhenTheObjectIsDeleted() {
    WorkspaceObject a = object(Map.of("name", "a"), T0);
    WorkspaceObject b = object(Map.of("name", "b"), T0);
    ObjectList list = ObjectList.create("Leads", ada, T0);
    lists.add(list);

    lists.addMembers(list.id(), List.of(a.id(), b.id()), T0);
    lists.addMembers(list.id(), List.of(a.id()), T0.plusSeconds(1));
    assertThat(lists.countMembers(list.id())).isEqualTo(2);
    assertThat(lists.findById(list.id())).contains(list);
    assertThat(lists.list()).containsExactly(list);

    lists.removeMembers(list.id(), List.of(b.id()));
    assertThat(lists.members(list.id(), 10)).containsExactly(a.id());
    assertThat(objects.delete(a.id())).isTrue();
    assertThat(objects.delete(a.id())).isFalse();
    assertThat(lists.countMembers(list.id())).isZero();
  }

  @Test
  void audit_isReadNewestFirst() {
    for (String action : List.of("objects_save", "objects_update", "objects_delete")) {
      audit.append(new AuditEntry(0, ada, new ClientId("mcp_c"), action, "t", "ok", T0));
    }
    List<AuditEntry> newest = audit.page(Long.MAX_VALUE, 2);
    assertThat(newest)
        .extracting(AuditEntry::action)
        .containsExactly("objects_delete", "objects_update");
    assertThat(audit.page(newest.get(1).id(), 10))
        .extracting(AuditEntry::action)
        .containsExactly("objects_save");
    assertThat(newest.get(0).account()).isEqualTo(ada);
  }

  @Test
  void writesInOneTransaction_rollBackTogether() {
    ai.cinatra.adapters.persistence.JdbiTransactions transactions =
        new ai.cinatra.adapters.persistence.JdbiTransactions(database.jdbi());
    WorkspaceObject doomed = WorkspaceObject.create(CONTACT, Map.of("name", "x"), ada, T0);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      objects.add(doomed);
                      audit.append(
                          new AuditEntry(
                              0, ada, new ClientId("mcp_c"), "objects_save", "t", "ok", T0));
                      throw new IllegalStateException("the work fails after writing");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(objects.findById(doomed.id())).isEmpty();
    assertThat(audit.page(Long.MAX_VALUE, 10)).isEmpty();
  }

  @Test
  void anOverlongAuditTarget_isCut_notRefused() {
    audit.append(
        new AuditEntry(0, ada, new ClientId("mcp_c"), "lists_create", "n".repeat(400), "ok", T0));
    assertThat(audit.page(Long.MAX_VALUE, 1).get(0).target()).hasSize(300);
  }
}
