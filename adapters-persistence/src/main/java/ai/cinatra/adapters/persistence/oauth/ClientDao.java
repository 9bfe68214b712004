package ai.cinatra.adapters.persistence.oauth;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the oauth_clients table. */
@RegisterConstructorMapper(ClientRow.class)
public interface ClientDao {
  String COLUMNS =
      "id, name, redirect_uris, auth_method, secret_hash, created_at, last_used_at,"
          + " metadata_valid_until";

  @SqlUpdate(
      "insert into oauth_clients ("
          + COLUMNS
          + ") values (:id, :name, :redirectUris, :authMethod, :secretHash, :createdAt,"
          + " :lastUsedAt, :metadataValidUntil)")
  void insert(@BindMethods ClientRow row);

  /** Replaces what a client's metadata document says; keeps when it was first seen and used. */
  @SqlUpdate(
      "update oauth_clients set name = :name, redirect_uris = :redirectUris,"
          + " metadata_valid_until = :metadataValidUntil where id = :id")
  int updateFromDocument(@BindMethods ClientRow row);

  @SqlQuery("select " + COLUMNS + " from oauth_clients where id = :id")
  Optional<ClientRow> findById(String id);

  @SqlUpdate("update oauth_clients set last_used_at = :at where id = :id")
  void markUsed(String id, Instant at);

  @SqlUpdate("update oauth_clients set registration_token_hash = :hash where id = :id")
  void saveRegistrationToken(String id, String hash);

  @SqlQuery("select registration_token_hash from oauth_clients where id = :id")
  Optional<String> findRegistrationToken(String id);

  @SqlUpdate("delete from oauth_clients where id = :id")
  int delete(String id);

  @SqlUpdate("delete from oauth_clients where last_used_at is null and created_at < :cutoff")
  int deleteNeverUsedRegisteredBefore(Instant cutoff);
}
