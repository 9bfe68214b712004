package ai.cinatra.adapters.persistence.cache;

import ai.cinatra.adapters.persistence.cache.AccessCache.Kind;
import ai.cinatra.application.port.out.AccountRepository;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.AccountStatus;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import java.util.List;
import java.util.Optional;

/**
 * Accounts by id read through the {@link AccessCache}; a role or status change moves the shared
 * change counter. Look-ups by email (sign-in) and listings always read the database.
 */
public final class CachedAccountRepository implements AccountRepository {
  private final AccountRepository stored;
  private final AccessCache cache;

  public CachedAccountRepository(AccountRepository stored, AccessCache cache) {
    this.stored = stored;
    this.cache = cache;
  }

  @Override
  public void add(Account account) {
    stored.add(account);
  }

  @Override
  public Optional<Account> findById(AccountId id) {
    return cache.find(Kind.ACCOUNT, id, stored::findById);
  }

  @Override
  public Optional<Account> findByEmail(Email email) {
    return stored.findByEmail(email);
  }

  @Override
  public void updateRole(AccountId id, Role role) {
    stored.updateRole(id, role);
    cache.changed();
  }

  @Override
  public void updateStatus(AccountId id, AccountStatus status) {
    stored.updateStatus(id, status);
    cache.changed();
  }

  @Override
  public List<Account> list() {
    return stored.list();
  }
}
