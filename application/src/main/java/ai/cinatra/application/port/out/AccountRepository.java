package ai.cinatra.application.port.out;

import ai.cinatra.application.error.ConflictException;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.AccountStatus;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import java.util.List;
import java.util.Optional;

/** Stores accounts. */
public interface AccountRepository {

  /**
   * Stores a new account.
   *
   * @throws ConflictException when an account with the same email already exists
   */
  void add(Account account);

  Optional<Account> findById(AccountId id);

  Optional<Account> findByEmail(Email email);

  /** Stores the account's new role. */
  void updateRole(AccountId id, Role role);

  /** Stores the account's new status. */
  void updateStatus(AccountId id, AccountStatus status);

  /** All accounts, oldest first. */
  List<Account> list();
}
