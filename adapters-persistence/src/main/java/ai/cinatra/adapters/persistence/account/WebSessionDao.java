package ai.cinatra.adapters.persistence.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the web_sessions table. */
@RegisterConstructorMapper(WebSessionDao.SessionRow.class)
public interface WebSessionDao {

  /** A row of web_sessions. */
  record SessionRow(
      String tokenHash, UUID accountId, String csrfToken, Instant createdAt, Instant expiresAt) {}

  @SqlUpdate(
      "insert into web_sessions (token_hash, account_id, csrf_token, created_at, expires_at)"
          + " values (:tokenHash, :accountId, :csrfToken, :createdAt, :expiresAt)")
  void insert(@BindMethods SessionRow row);

  @SqlQuery(
      "select token_hash, account_id, csrf_token, created_at, expires_at from web_sessions where"
          + " token_hash = :tokenHash")
  Optional<SessionRow> find(String tokenHash);

  @SqlUpdate("delete from web_sessions where token_hash = :tokenHash")
  void delete(String tokenHash);

  @SqlUpdate("delete from web_sessions where expires_at < :now")
  int deleteExpired(Instant now);
}
