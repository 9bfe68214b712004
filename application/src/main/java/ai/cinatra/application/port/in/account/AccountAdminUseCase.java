package ai.cinatra.application.port.in.account;

import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.Role;
import java.util.List;

/** What an admin does to accounts: list them, change a role, disable one. */
public interface AccountAdminUseCase {
  List<Account> listAccounts(Actor actor);

  /** Creates an account as an admin; audited. Without a password one is generated, shown once. */
  CreatedAccount createAccount(Actor actor, CreateAccountCommand command);

  /**
   * @throws ai.cinatra.application.error.ConflictException when it would leave no active admin
   */
  Account changeRole(Actor actor, AccountId account, Role role);

  /**
   * Disables the account: its tokens stop working on their next request.
   *
   * @throws ai.cinatra.application.error.ConflictException when it would leave no active admin
   */
  Account disable(Actor actor, AccountId account);
}
