package ai.cinatra.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.domain.error.InvalidValueException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountTest {
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  @Test
  void createMakesAnActiveAccountAtTheGivenTime() {
    Account account =
        Account.create(new Email("a@b.c"), Role.MEMBER, new PasswordHash("$argon2id$x"), NOW);

    assertThat(account.isActive()).isTrue();
    assertThat(account.createdAt()).isEqualTo(NOW);
    assertThat(account.role()).isEqualTo(Role.MEMBER);
  }

  @Test
  void refusesMissingParts() {
    assertThatThrownBy(
            () ->
                new Account(
                    AccountId.random(),
                    new Email("a@b.c"),
                    null,
                    AccountStatus.ACTIVE,
                    new PasswordHash("h"),
                    NOW))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void passwordHashNeverShowsInText() {
    Account account =
        Account.create(new Email("a@b.c"), Role.ADMIN, new PasswordHash("secret"), NOW);
    assertThat(account.toString()).doesNotContain("secret");
  }

  @Test
  void accountIdRefusesGarbage() {
    assertThatThrownBy(() -> AccountId.parse("nope"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("not an account id: nope");
  }
}
