package ai.cinatra.adapters.persistence.workspace;

import ai.cinatra.adapters.persistence.JdbiTransactions;
import ai.cinatra.adapters.persistence.JsonColumns;
import ai.cinatra.adapters.persistence.workspace.ObjectDao.ObjectRow;
import ai.cinatra.application.port.out.ObjectRepository;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.workspace.ListId;
import ai.cinatra.domain.workspace.ObjectId;
import ai.cinatra.domain.workspace.ObjectType;
import ai.cinatra.domain.workspace.WorkspaceObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The ObjectRepository through JDBI; data is stored as JSON text. */
public final class JdbiObjectRepository implements ObjectRepository {
  /** Before every stored object: the smallest time and id, for the first page. */
  private static final Position START = new Position(Instant.EPOCH, new ObjectId(new UUID(0, 0)));

  private final Jdbi jdbi;

  public JdbiObjectRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void add(WorkspaceObject object) {
    dao().insert(row(object));
  }

  @Override
  public Optional<WorkspaceObject> findById(ObjectId id) {
    return dao().find(id.value()).map(JdbiObjectRepository::object);
  }

  @Override
  public Optional<WorkspaceObject> findByNaturalKey(ObjectType type, String key) {
    return dao().findByNaturalKey(type.value(), key).map(JdbiObjectRepository::object);
  }

  @Override
  public boolean update(WorkspaceObject object, long previousVersion) {
    return dao().update(row(object), previousVersion) == 1;
  }

  @Override
  public boolean delete(ObjectId id) {
    return dao().delete(id.value()) == 1;
  }

  @Override
  public List<WorkspaceObject> page(
      ObjectType type,
      Optional<ListId> list,
      Optional<String> text,
      Optional<Position> after,
      int limit) {
    Position from = after.orElse(START);
    return dao()
        .page(
            type.value(),
            list.map(ListId::value).orElse(null),
            text.map(JdbiObjectRepository::likePattern).orElse(null),
            from.createdAt(),
            from.id().value(),
            limit)
        .stream()
        .map(JdbiObjectRepository::object)
        .toList();
  }

  /** Contains, case-insensitively, with LIKE's own characters taken literally. */
  private static String likePattern(String text) {
    String escaped =
        text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return "%" + escaped + "%";
  }

  private static ObjectRow row(WorkspaceObject o) {
    return new ObjectRow(
        o.id().value(),
        o.type().value(),
        JsonColumns.write(o.data()),
        o.naturalKey().orElse(null),
        o.version(),
        o.createdBy().value(),
        o.createdAt(),
        o.updatedAt());
  }

  private static WorkspaceObject object(ObjectRow r) {
    return new WorkspaceObject(
        new ObjectId(r.id()),
        new ObjectType(r.type()),
        JsonColumns.read(r.data()),
        r.version(),
        new AccountId(r.createdBy()),
        r.createdAt(),
        r.updatedAt());
  }

  /** Joins the caller's transaction when there is one. */
  private ObjectDao dao() {
    return JdbiTransactions.dao(jdbi, ObjectDao.class);
  }
}
