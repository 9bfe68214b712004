package ai.cinatra.adapters.persistence.account;

import ai.cinatra.adapters.persistence.SqlErrors;
import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.port.out.AccountRepository;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.AccountStatus;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The AccountRepository on a relational database through JDBI. */
public final class JdbiAccountRepository implements AccountRepository {
  private final AccountDao dao;
  private final AccountRowMapper mapper = AccountRowMapper.INSTANCE;

  public JdbiAccountRepository(Jdbi jdbi) {
    this.dao = jdbi.onDemand(AccountDao.class);
  }

  @Override
  public void add(Account account) {
    try {
      dao.insert(mapper.toRow(account));
    } catch (UnableToExecuteStatementException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        throw new ConflictException("an account with email " + account.email() + " already exists");
      }
      throw e;
    }
  }

  @Override
  public Optional<Account> findById(AccountId id) {
    return dao.findById(id.value()).map(mapper::toDomain);
  }

  @Override
  public Optional<Account> findByEmail(Email email) {
    return dao.findByEmail(email.value()).map(mapper::toDomain);
  }

  @Override
  public void updateRole(AccountId id, Role role) {
    dao.updateRole(id.value(), role.name());
  }

  @Override
  public void updateStatus(AccountId id, AccountStatus status) {
    dao.updateStatus(id.value(), status.name());
  }

  @Override
  public List<Account> list() {
    return dao.list().stream().map(mapper::toDomain).toList();
  }
}
