package ai.cinatra.adapters.persistence.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the lists and list_members tables. */
@RegisterConstructorMapper(ListDao.ListRow.class)
public interface ListDao {

  /** A row of lists. */
  record ListRow(UUID id, String name, UUID createdBy, Instant createdAt) {}

  @SqlUpdate(
      "insert into lists (id, name, created_by, created_at) values (:id, :name, :createdBy,"
          + " :createdAt)")
  void insert(@BindMethods ListRow row);

  @SqlQuery("select id, name, created_by, created_at from lists where id = :id")
  Optional<ListRow> find(UUID id);

  @SqlQuery("select id, name, created_by, created_at from lists order by created_at, id")
  List<ListRow> all();

  /** Adds one member unless it is one already. */
  @SqlUpdate(
      "insert into list_members (list_id, object_id, added_at) select :listId, :objectId, :at"
          + " where not exists (select 1 from list_members where list_id = :listId and"
          + " object_id = :objectId)")
  void addMember(UUID listId, UUID objectId, Instant at);

  @SqlUpdate("delete from list_members where list_id = :listId and object_id = :objectId")
  void removeMember(UUID listId, UUID objectId);

  @SqlQuery(
      "select object_id from list_members where list_id = :listId order by added_at, object_id"
          + " limit :limit")
  List<UUID> members(UUID listId, int limit);

  @SqlQuery("select count(*) from list_members where list_id = :listId")
  int count(UUID listId);
}
