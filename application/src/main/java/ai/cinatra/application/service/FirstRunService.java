package ai.cinatra.application.service;

import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.port.in.account.CreateAccountCommand;
import ai.cinatra.application.port.in.account.CreateAccountUseCase;
import ai.cinatra.application.port.in.account.CreatedAccount;
import ai.cinatra.application.port.in.account.FirstRunUseCase;
import ai.cinatra.application.port.out.AccountRepository;
import ai.cinatra.application.port.out.SettingsRepository;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.PasswordPolicy;
import ai.cinatra.domain.account.Role;
import java.time.Clock;
import java.util.Optional;

/**
 * Creates the first admin while no account exists. A settings row taken first (its name is the
 * primary key) makes sure only one attempt ever wins, whatever runs at the same time.
 */
public final class FirstRunService implements FirstRunUseCase {
  static final String SETTING = "first_admin_created";

  private final AccountRepository accounts;
  private final SettingsRepository settings;
  private final CreateAccountUseCase creator;
  private final Clock clock;

  public FirstRunService(
      AccountRepository accounts,
      SettingsRepository settings,
      CreateAccountUseCase creator,
      Clock clock) {
    this.accounts = accounts;
    this.settings = settings;
    this.creator = creator;
    this.clock = clock;
  }

  @Override
  public boolean isOpen() {
    return settings.find(SETTING).isEmpty() && accounts.list().isEmpty();
  }

  @Override
  public CreatedAccount createFirstAdmin(Email email, String password) {
    if (!isOpen()) {
      throw new ConflictException("the first admin exists already; sign in instead");
    }
    // Checked before the row is taken: a too-short password must leave setup open.
    CreateAccountCommand command =
        new CreateAccountCommand(email, Role.ADMIN, Optional.of(password));
    PasswordPolicy.checkNewPassword(password);
    if (!settings.putIfAbsent(SETTING, email.value(), clock.instant())) {
      throw new ConflictException("the first admin exists already; sign in instead");
    }
    return creator.createAccount(command);
  }
}
