package ai.cinatra.adapters.persistence.workspace;

import ai.cinatra.adapters.persistence.JdbiTransactions;
import ai.cinatra.adapters.persistence.workspace.ListDao.ListRow;
import ai.cinatra.application.port.out.ListRepository;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.workspace.ListId;
import ai.cinatra.domain.workspace.ObjectId;
import ai.cinatra.domain.workspace.ObjectList;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The ListRepository through JDBI. */
public final class JdbiListRepository implements ListRepository {
  private final Jdbi jdbi;

  public JdbiListRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void add(ObjectList list) {
    dao()
        .insert(
            new ListRow(
                list.id().value(), list.name(), list.createdBy().value(), list.createdAt()));
  }

  @Override
  public Optional<ObjectList> findById(ListId id) {
    return dao().find(id.value()).map(JdbiListRepository::list);
  }

  @Override
  public List<ObjectList> list() {
    return dao().all().stream().map(JdbiListRepository::list).toList();
  }

  @Override
  public void addMembers(ListId list, Collection<ObjectId> objects, Instant at) {
    for (ObjectId object : objects) {
      dao().addMember(list.value(), object.value(), at);
    }
  }

  @Override
  public void removeMembers(ListId list, Collection<ObjectId> objects) {
    for (ObjectId object : objects) {
      dao().removeMember(list.value(), object.value());
    }
  }

  @Override
  public List<ObjectId> members(ListId list, int limit) {
    return dao().members(list.value(), limit).stream().map(ObjectId::new).toList();
  }

  @Override
  public int countMembers(ListId list) {
    return dao().count(list.value());
  }

  private static ObjectList list(ListRow r) {
    return new ObjectList(
        new ListId(r.id()), r.name(), new AccountId(r.createdBy()), r.createdAt());
  }

  /** Joins the caller's transaction when there is one. */
  private ListDao dao() {
    return JdbiTransactions.dao(jdbi, ListDao.class);
  }
}
