package ai.cinatra.adapters.persistence.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for grants, authorization codes, refresh tokens and consents. */
@RegisterConstructorMapper(GrantStoreDao.GrantRow.class)
@RegisterConstructorMapper(GrantStoreDao.CodeRow.class)
@RegisterConstructorMapper(GrantStoreDao.RefreshRow.class)
public interface GrantStoreDao {

  /** A row of grants. */
  record GrantRow(
      UUID id,
      UUID accountId,
      String clientId,
      String scopes,
      String resource,
      Instant createdAt,
      Instant revokedAt) {}

  /** A row of authorization_codes. */
  record CodeRow(
      String codeHash,
      UUID grantId,
      String clientId,
      String redirectUri,
      String codeChallenge,
      Instant expiresAt,
      Instant consumedAt) {}

  /** A row of refresh_tokens. */
  record RefreshRow(
      String tokenHash,
      UUID grantId,
      String parentHash,
      String state,
      Instant createdAt,
      Instant expiresAt) {}

  @SqlUpdate(
      "insert into grants (id, account_id, client_id, scopes, resource, created_at, revoked_at)"
          + " values (:id, :accountId, :clientId, :scopes, :resource, :createdAt, :revokedAt)")
  void insertGrant(@BindMethods GrantRow row);

  @SqlQuery(
      "select id, account_id, client_id, scopes, resource, created_at, revoked_at from grants"
          + " where id = :id")
  Optional<GrantRow> findGrant(UUID id);

  @SqlUpdate("update grants set revoked_at = :at where id = :id and revoked_at is null")
  void revokeGrant(UUID id, Instant at);

  @SqlUpdate(
      "update grants set revoked_at = :at where client_id = :clientId and revoked_at is null")
  int revokeGrantsOfClient(String clientId, Instant at);

  @SqlUpdate(
      "insert into authorization_codes (code_hash, grant_id, client_id, redirect_uri,"
          + " code_challenge, expires_at, consumed_at) values (:codeHash, :grantId, :clientId,"
          + " :redirectUri, :codeChallenge, :expiresAt, :consumedAt)")
  void insertCode(@BindMethods CodeRow row);

  @SqlQuery(
      "select code_hash, grant_id, client_id, redirect_uri, code_challenge, expires_at,"
          + " consumed_at from authorization_codes where code_hash = :codeHash")
  Optional<CodeRow> findCode(String codeHash);

  @SqlUpdate(
      "update authorization_codes set consumed_at = :at where code_hash = :codeHash and"
          + " consumed_at is null")
  int consumeCode(String codeHash, Instant at);

  @SqlUpdate(
      "insert into refresh_tokens (token_hash, grant_id, parent_hash, state, created_at,"
          + " expires_at) values (:tokenHash, :grantId, :parentHash, :state, :createdAt,"
          + " :expiresAt)")
  void insertRefresh(@BindMethods RefreshRow row);

  @SqlQuery(
      "select token_hash, grant_id, parent_hash, state, created_at, expires_at from"
          + " refresh_tokens where token_hash = :tokenHash")
  Optional<RefreshRow> findRefresh(String tokenHash);

  @SqlQuery(
      "select token_hash, grant_id, parent_hash, state, created_at, expires_at from"
          + " refresh_tokens where token_hash = :tokenHash for update")
  Optional<RefreshRow> findRefreshForUpdate(String tokenHash);

  @SqlQuery(
      "select token_hash, grant_id, parent_hash, state, created_at, expires_at from"
          + " refresh_tokens where parent_hash = :parentHash")
  List<RefreshRow> findRefreshChildren(String parentHash);

  @SqlUpdate("update refresh_tokens set state = :state where token_hash = :tokenHash")
  void setRefreshState(String tokenHash, String state);

  @SqlUpdate(
      "update consents set scopes = :scopes, granted_at = :at where account_id = :accountId and"
          + " client_id = :clientId")
  int updateConsent(UUID accountId, String clientId, String scopes, Instant at);

  @SqlUpdate(
      "insert into consents (account_id, client_id, scopes, granted_at) values (:accountId,"
          + " :clientId, :scopes, :at)")
  void insertConsent(UUID accountId, String clientId, String scopes, Instant at);

  @SqlQuery("select scopes from consents where account_id = :accountId and client_id = :clientId")
  Optional<String> findConsent(UUID accountId, String clientId);

  @SqlUpdate("delete from consents where client_id = :clientId")
  int deleteConsentsOfClient(String clientId);
}
