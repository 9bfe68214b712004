package ai.cinatra.adapters.persistence.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the accounts table. */
@RegisterConstructorMapper(AccountRow.class)
public interface AccountDao {
  String COLUMNS = "id, email, role, status, password_hash, created_at";

  @SqlUpdate(
      "insert into accounts ("
          + COLUMNS
          + ") values (:id, :email, :role, :status, :passwordHash, :createdAt)")
  void insert(@BindMethods AccountRow row);

  @SqlQuery("select " + COLUMNS + " from accounts where id = :id")
  Optional<AccountRow> findById(UUID id);

  @SqlQuery("select " + COLUMNS + " from accounts where email = :email")
  Optional<AccountRow> findByEmail(String email);

  @SqlQuery("select " + COLUMNS + " from accounts order by created_at, id")
  List<AccountRow> list();

  @SqlUpdate("update accounts set role = :role where id = :id")
  void updateRole(UUID id, String role);

  @SqlUpdate("update accounts set status = :status where id = :id")
  void updateStatus(UUID id, String status);
}
