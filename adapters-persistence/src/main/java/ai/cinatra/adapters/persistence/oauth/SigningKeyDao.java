package ai.cinatra.adapters.persistence.oauth;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the signing_keys table. */
@RegisterConstructorMapper(SigningKeyRow.class)
public interface SigningKeyDao {
  String COLUMNS = "key_id, algorithm, public_key, encrypted_private_key, created_at, retired_at";

  @SqlUpdate(
      "insert into signing_keys ("
          + COLUMNS
          + ") values (:keyId, :algorithm, :publicKey, :encryptedPrivateKey, :createdAt,"
          + " :retiredAt)")
  void insert(@BindMethods SigningKeyRow row);

  @SqlQuery("select " + COLUMNS + " from signing_keys order by created_at desc, key_id")
  List<SigningKeyRow> list();

  @SqlUpdate(
      "update signing_keys set retired_at = :at where retired_at is null and key_id <> :keepKeyId")
  void retireAllExcept(String keepKeyId, Instant at);
}
