package ai.cinatra.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.fakes.InMemoryAccountRepository;
import ai.cinatra.application.fakes.MutableClock;
import ai.cinatra.application.fakes.ReversingPasswordHasher;
import ai.cinatra.application.port.in.account.CreateAccountCommand;
import ai.cinatra.application.port.in.account.CreatedAccount;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.error.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountServiceTest {
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  private final InMemoryAccountRepository accounts = new InMemoryAccountRepository();
  private final ReversingPasswordHasher hasher = new ReversingPasswordHasher();
  private final List<AccountId> changed = new ArrayList<>();
  private final MutableClock clock = new MutableClock(NOW);
  private final AccountService service = new AccountService(accounts, hasher, clock, changed::add);

  @Test
  void createAccount_storesHashNotPassword() {
    CreatedAccount created =
        service.createAccount(
            new CreateAccountCommand(
                new Email("a@b.c"), Role.ADMIN, Optional.of("correct horse battery")));

    Account stored = accounts.findByEmail(new Email("a@b.c")).orElseThrow();
    assertThat(stored).isEqualTo(created.account());
    assertThat(stored.role()).isEqualTo(Role.ADMIN);
    assertThat(stored.createdAt()).isEqualTo(NOW);
    assertThat(stored.passwordHash().encoded()).doesNotContain("correct horse battery");
    assertThat(hasher.matches("correct horse battery", stored.passwordHash())).isTrue();
    assertThat(created.generatedPassword()).isEmpty();
  }

  @Test
  void createAccount_withoutPassword_generatesOneThatMatchesTheHash() {
    CreatedAccount created =
        service.createAccount(
            new CreateAccountCommand(new Email("m@b.c"), Role.MEMBER, Optional.empty()));

    String password = created.generatedPassword().orElseThrow();
    assertThat(password).hasSize(AccountService.GENERATED_LENGTH).matches("[A-Za-z2-9]+");
    assertThat(hasher.matches(password, created.account().passwordHash())).isTrue();
    CreatedAccount other =
        service.createAccount(
            new CreateAccountCommand(new Email("n@b.c"), Role.MEMBER, Optional.empty()));
    assertThat(other.generatedPassword()).isNotEqualTo(created.generatedPassword());
  }

  @Test
  void createAccount_duplicateEmail_isConflictAndLeavesTheFirstUntouched() {
    service.createAccount(
        new CreateAccountCommand(new Email("a@b.c"), Role.ADMIN, Optional.of("first password!")));
    Account first = accounts.findByEmail(new Email("a@b.c")).orElseThrow();

    assertThatThrownBy(
            () ->
                service.createAccount(
                    new CreateAccountCommand(
                        new Email("A@B.C"), Role.VIEWER, Optional.of("second password!"))))
        .isInstanceOf(ConflictException.class)
        .hasMessage("an account with email a@b.c already exists");
    assertThat(accounts.list()).containsExactly(first);
  }

  @Test
  void createAccount_shortPassword_isRefusedAndStoresNothing() {
    assertThatThrownBy(
            () ->
                service.createAccount(
                    new CreateAccountCommand(
                        new Email("a@b.c"), Role.MEMBER, Optional.of("short"))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("a password needs at least 12 characters");
    assertThat(accounts.list()).isEmpty();
  }

  @Test
  void listAccounts_returnsThemInCreationOrder() {
    service.createAccount(
        new CreateAccountCommand(new Email("z@b.c"), Role.ADMIN, Optional.empty()));
    // Created in the same instant, accounts come in id order, as the database lists them.
    clock.advance(Duration.ofSeconds(1));
    service.createAccount(
        new CreateAccountCommand(new Email("a@b.c"), Role.VIEWER, Optional.empty()));

    assertThat(service.listAccounts())
        .extracting(a -> a.email().value())
        .containsExactly("z@b.c", "a@b.c");
  }

  @Test
  void changeRole_storesTheRole_andTellsTheListenerOnlyWhenItChanged() {
    service.createAccount(
        new CreateAccountCommand(
            new Email("m@b.c"), Role.MEMBER, Optional.of("correct horse battery")));
    Account member = accounts.findByEmail(new Email("m@b.c")).orElseThrow();

    assertThat(service.changeRole(new Email("m@b.c"), Role.VIEWER).role()).isEqualTo(Role.VIEWER);
    assertThat(accounts.findByEmail(new Email("m@b.c")).orElseThrow().role())
        .isEqualTo(Role.VIEWER);
    service.changeRole(new Email("m@b.c"), Role.VIEWER);
    assertThat(changed).containsExactly(member.id());
    assertThatThrownBy(() -> service.changeRole(new Email("nobody@b.c"), Role.ADMIN))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void changeRole_fromTheCommandLine_stillKeepsOneAdmin() {
    service.createAccount(
        new CreateAccountCommand(
            new Email("boss@b.c"), Role.ADMIN, Optional.of("correct horse battery")));
    assertThatThrownBy(() -> service.changeRole(new Email("boss@b.c"), Role.VIEWER))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("always keeps one active admin");
    assertThat(accounts.findByEmail(new Email("boss@b.c")).orElseThrow().role())
        .isEqualTo(Role.ADMIN);
    assertThat(changed).isEmpty();
  }
}
