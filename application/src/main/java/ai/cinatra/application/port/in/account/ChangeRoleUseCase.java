package ai.cinatra.application.port.in.account;

import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;

/** Changes an account's role; it decides the account's very next call. */
public interface ChangeRoleUseCase {

  /**
   * @throws ai.cinatra.application.error.NotFoundException when no account has this email
   */
  Account changeRole(Email email, Role role);
}
