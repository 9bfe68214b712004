package ai.cinatra.application.service;

import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.port.in.account.ChangeRoleUseCase;
import ai.cinatra.application.port.in.account.CreateAccountCommand;
import ai.cinatra.application.port.in.account.CreateAccountUseCase;
import ai.cinatra.application.port.in.account.CreatedAccount;
import ai.cinatra.application.port.in.account.ListAccountsQuery;
import ai.cinatra.application.port.out.AccountChangeListener;
import ai.cinatra.application.port.out.AccountRepository;
import ai.cinatra.application.port.out.PasswordHasher;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.PasswordPolicy;
import ai.cinatra.domain.account.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Creates and lists accounts and changes their roles. */
public final class AccountService
    implements CreateAccountUseCase, ListAccountsQuery, ChangeRoleUseCase {
  /** No look-alikes (0/O, 1/l/I), so a generated password can be read off a terminal and typed. */
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  /** 20 symbols from 57 is about 116 bits: beyond guessing, short enough to type. */
  static final int GENERATED_LENGTH = 20;

  private final AccountRepository accounts;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final AccountChangeListener listener;
  private final SecureRandom random = new SecureRandom();

  public AccountService(
      AccountRepository accounts,
      PasswordHasher hasher,
      Clock clock,
      AccountChangeListener listener) {
    this.accounts = accounts;
    this.hasher = hasher;
    this.clock = clock;
    this.listener = listener;
  }

  @Override
  public CreatedAccount createAccount(CreateAccountCommand command) {
    Optional<String> generated =
        command.password().isPresent() ? Optional.empty() : Optional.of(generatePassword());
    String password = command.password().orElseGet(generated::orElseThrow);
    PasswordPolicy.checkNewPassword(password);
    // Checked before hashing so a duplicate costs no hash; the store's unique key still decides
    // races.
    if (accounts.findByEmail(command.email()).isPresent()) {
      throw new ConflictException("an account with email " + command.email() + " already exists");
    }
    Account account =
        Account.create(command.email(), command.role(), hasher.hash(password), clock.instant());
    accounts.add(account);
    return new CreatedAccount(account, generated);
  }

  @Override
  public List<Account> listAccounts() {
    return accounts.list();
  }

  @Override
  public Account changeRole(Email email, Role role) {
    Account account =
        accounts
            .findByEmail(email)
            .orElseThrow(() -> new NotFoundException("no account with email " + email));
    if (account.role() == role) {
      return account;
    }
    if (role != Role.ADMIN) {
      LastAdminRule.keepAnAdmin(accounts, account, "demote");
    }
    accounts.updateRole(account.id(), role);
    listener.roleChanged(account.id());
    return account.withRole(role);
  }

  private String generatePassword() {
    StringBuilder password = new StringBuilder(GENERATED_LENGTH);
    for (int i = 0; i < GENERATED_LENGTH; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
