package ai.cinatra.adapters.persistence.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the objects table. */
@RegisterConstructorMapper(ObjectDao.ObjectRow.class)
public interface ObjectDao {
  String COLUMNS = "id, type, data, natural_key, version, created_by, created_at, updated_at";

  /** A row of objects; data is JSON text. */
  record ObjectRow(
      UUID id,
      String type,
      String data,
      String naturalKey,
      long version,
      UUID createdBy,
      Instant createdAt,
      Instant updatedAt) {}

  @SqlUpdate(
      "insert into objects ("
          + COLUMNS
          + ") values (:id, :type, :data, :naturalKey, :version, :createdBy, :createdAt,"
          + " :updatedAt)")
  void insert(@BindMethods ObjectRow row);

  @SqlQuery("select " + COLUMNS + " from objects where id = :id")
  Optional<ObjectRow> find(UUID id);

  @SqlQuery(
      "select "
          + COLUMNS
          + " from objects where type = :type and natural_key = :key order by created_at, id"
          + " limit 1")
  Optional<ObjectRow> findByNaturalKey(String type, String key);

  @SqlUpdate(
      "update objects set data = :data, natural_key = :naturalKey, version = :version,"
          + " updated_at = :updatedAt where id = :id and version = :previousVersion")
  int update(@BindMethods ObjectRow row, long previousVersion);

  @SqlUpdate("delete from objects where id = :id")
  int delete(UUID id);

  /** One page; a null listId or text means no such filter. */
  @SqlQuery(
      "select "
          + COLUMNS
          + " from objects o where o.type = :type and (cast(:listId as uuid) is null or exists"
          + " (select 1 from list_members m where m.object_id = o.id and m.list_id = cast(:listId as uuid)))"
          + " and (cast(:text as varchar(1000)) is null or lower(o.data) like :text escape '!')"
          + " and (o.created_at > :afterAt or (o.created_at = :afterAt and o.id > :afterId))"
          + " order by o.created_at, o.id limit :limit")
  List<ObjectRow> page(
      String type, UUID listId, String text, Instant afterAt, UUID afterId, int limit);
}
