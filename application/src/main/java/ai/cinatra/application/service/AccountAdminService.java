package ai.cinatra.application.service;

import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.port.in.account.AccountAdminUseCase;
import ai.cinatra.application.port.in.account.CreateAccountCommand;
import ai.cinatra.application.port.in.account.CreateAccountUseCase;
import ai.cinatra.application.port.in.account.CreatedAccount;
import ai.cinatra.application.port.in.audit.AuditQuery;
import ai.cinatra.application.port.out.AccountChangeListener;
import ai.cinatra.application.port.out.AccountRepository;
import ai.cinatra.application.port.out.AuditRepository;
import ai.cinatra.application.port.out.TransactionRunner;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.access.Primitive;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.AccountStatus;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.audit.AuditEntry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Accounts as an admin manages them, and the audit trail. A workspace always keeps one active
 * admin: demoting or disabling the last one is refused.
 */
public final class AccountAdminService implements AccountAdminUseCase, AuditQuery {
  static final int MAX_AUDIT_PAGE = 200;

  private final AccountRepository accounts;
  private final AuditRepository audit;
  private final AccountChangeListener listener;
  private final Auditor auditor;
  private final CreateAccountUseCase creator;

  public AccountAdminService(
      AccountRepository accounts,
      AuditRepository audit,
      TransactionRunner transactions,
      AccountChangeListener listener,
      CreateAccountUseCase creator,
      Clock clock) {
    this.accounts = accounts;
    this.creator = creator;
    this.audit = audit;
    this.listener = listener;
    this.auditor = new Auditor(audit, transactions, clock);
  }

  @Override
  public List<Account> listAccounts(Actor actor) {
    Auditor.require(actor, Primitive.ACCOUNTS_ADMINISTER, "list accounts");
    return accounts.list();
  }

  @Override
  public CreatedAccount createAccount(Actor actor, CreateAccountCommand command) {
    return auditor.mutate(
        actor,
        Primitive.ACCOUNTS_ADMINISTER,
        "accounts_create",
        command.email().value(),
        () -> creator.createAccount(command));
  }

  @Override
  public Account changeRole(Actor actor, AccountId id, Role role) {
    Account changed =
        auditor.mutate(
            actor,
            Primitive.ACCOUNTS_ADMINISTER,
            "accounts_role_update",
            id.toString(),
            () -> {
              Account account = find(id);
              if (account.role() == role) {
                return account;
              }
              if (role != Role.ADMIN) {
                LastAdminRule.keepAnAdmin(accounts, account, "demote");
              }
              accounts.updateRole(id, role);
              return account.withRole(role);
            });
    listener.roleChanged(id);
    return changed;
  }

  @Override
  public Account disable(Actor actor, AccountId id) {
    return auditor.mutate(
        actor,
        Primitive.ACCOUNTS_ADMINISTER,
        "accounts_disable",
        id.toString(),
        () -> {
          Account account = find(id);
          LastAdminRule.keepAnAdmin(accounts, account, "disable");
          accounts.updateStatus(id, AccountStatus.DISABLED);
          return new Account(
              account.id(),
              account.email(),
              account.role(),
              AccountStatus.DISABLED,
              account.passwordHash(),
              account.createdAt());
        });
  }

  @Override
  public List<AuditEntry> audit(Actor actor, Optional<Long> beforeId, int limit) {
    Auditor.require(actor, Primitive.AUDIT_READ, "read the audit trail");
    if (limit < 1 || limit > MAX_AUDIT_PAGE) {
      throw new InvalidInputException("limit is 1 to " + MAX_AUDIT_PAGE);
    }
    return audit.page(beforeId.orElse(Long.MAX_VALUE), limit);
  }

  private Account find(AccountId id) {
    return accounts
        .findById(id)
        .orElseThrow(() -> new NotFoundException("no account with id " + id));
  }
}
