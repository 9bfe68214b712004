package ai.cinatra.adapters.persistence.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the audit_entries table. */
@RegisterConstructorMapper(AuditDao.AuditRow.class)
public interface AuditDao {

  /** A row of audit_entries. */
  record AuditRow(
      long id,
      UUID accountId,
      String clientId,
      String action,
      String target,
      String outcome,
      Instant at) {}

  @SqlUpdate(
      "insert into audit_entries (account_id, client_id, action, target, outcome, at) values"
          + " (:accountId, :clientId, :action, :target, :outcome, :at)")
  void insert(@BindMethods AuditRow row);

  @SqlQuery(
      "select id, account_id, client_id, action, target, outcome, at from audit_entries where"
          + " id < :beforeId order by id desc limit :limit")
  List<AuditRow> page(long beforeId, int limit);
}
