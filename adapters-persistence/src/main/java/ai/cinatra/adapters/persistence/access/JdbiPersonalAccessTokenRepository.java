package ai.cinatra.adapters.persistence.access;

import ai.cinatra.adapters.persistence.JdbiTransactions;
import ai.cinatra.application.port.out.PersonalAccessTokenRepository;
import ai.cinatra.domain.access.PersonalAccessToken;
import ai.cinatra.domain.account.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The PersonalAccessTokenRepository through JDBI; only the token's hash is ever stored. */
public final class JdbiPersonalAccessTokenRepository implements PersonalAccessTokenRepository {
  private static final String COLUMNS =
      "id, account_id, name, token_hash, created_at, last_used_at, revoked_at";

  /** SQL for the personal_access_tokens table. */
  @RegisterConstructorMapper(Row.class)
  public interface Dao {
    @SqlUpdate(
        "insert into personal_access_tokens ("
            + COLUMNS
            + ") values (:id, :accountId, :name, :tokenHash, :createdAt, :lastUsedAt, :revokedAt)")
    void insert(@BindMethods Row row);

    @SqlQuery("select " + COLUMNS + " from personal_access_tokens where token_hash = :hash")
    Optional<Row> findByHash(String hash);

    @SqlQuery(
        "select "
            + COLUMNS
            + " from personal_access_tokens where account_id = :account order by created_at")
    List<Row> listOf(UUID account);

    @SqlUpdate(
        "update personal_access_tokens set revoked_at = :at where id = :id and revoked_at is null")
    int revoke(UUID id, Instant at);

    @SqlUpdate("update personal_access_tokens set last_used_at = :at where id = :id")
    void markUsed(UUID id, Instant at);
  }

  /** A row of personal_access_tokens. */
  public record Row(
      UUID id,
      UUID accountId,
      String name,
      String tokenHash,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt) {}

  private final Jdbi jdbi;

  public JdbiPersonalAccessTokenRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  private Dao dao() {
    return JdbiTransactions.dao(jdbi, Dao.class);
  }

  @Override
  public void add(PersonalAccessToken t) {
    dao()
        .insert(
            new Row(
                t.id(),
                t.account().value(),
                t.name(),
                t.tokenHash(),
                t.createdAt(),
                t.lastUsedAt().orElse(null),
                t.revokedAt().orElse(null)));
  }

  @Override
  public Optional<PersonalAccessToken> findByHash(String tokenHash) {
    return dao().findByHash(tokenHash).map(JdbiPersonalAccessTokenRepository::token);
  }

  @Override
  public List<PersonalAccessToken> listOf(AccountId account) {
    return dao().listOf(account.value()).stream()
        .map(JdbiPersonalAccessTokenRepository::token)
        .toList();
  }

  @Override
  public boolean revoke(UUID id, Instant at) {
    return dao().revoke(id, at) == 1;
  }

  @Override
  public void markUsed(UUID id, Instant at) {
    dao().markUsed(id, at);
  }

  private static PersonalAccessToken token(Row r) {
    return new PersonalAccessToken(
        r.id(),
        new AccountId(r.accountId()),
        r.name(),
        r.tokenHash(),
        r.createdAt(),
        Optional.ofNullable(r.lastUsedAt()),
        Optional.ofNullable(r.revokedAt()));
  }
}
