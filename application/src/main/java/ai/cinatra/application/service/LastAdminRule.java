package ai.cinatra.application.service;

import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.port.out.AccountRepository;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.Role;

/** A workspace always keeps one active admin, whoever changes accounts (an admin or the CLI). */
final class LastAdminRule {
  private LastAdminRule() {}

  /** Refuses to demote or disable the last active admin. */
  static void keepAnAdmin(AccountRepository accounts, Account account, String what) {
    if (account.role() != Role.ADMIN || !account.isActive()) {
      return;
    }
    long admins =
        accounts.list().stream().filter(a -> a.role() == Role.ADMIN && a.isActive()).count();
    if (admins <= 1) {
      throw new ConflictException(
          "cannot " + what + " " + account.email() + ": a workspace always keeps one active admin");
    }
  }
}
