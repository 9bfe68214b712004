package ai.cinatra.adapters.persistence.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.adapters.persistence.LiquibaseMigrator;
import ai.cinatra.adapters.persistence.Store;
import ai.cinatra.adapters.persistence.TestDatabase;
import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.fakes.InMemoryAccountRepository;
import ai.cinatra.application.port.out.AccountRepository;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.AccountStatus;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.PasswordHash;
import ai.cinatra.domain.account.Role;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The AccountRepository contract, run against the in-memory fake, H2 and the real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Store.class)
class AccountRepositoryContractIT {
  private static final Instant T0 = Instant.parse("2026-11-29T10:15:30.123456Z");

  @Parameter Store store;

  private Optional<TestDatabase> database;
  private AccountRepository accounts;

  @BeforeEach
  void openDatabase() {
    database = store.open();
    accounts =
        database
            .<AccountRepository>map(d -> new JdbiAccountRepository(d.jdbi()))
            .orElseGet(InMemoryAccountRepository::new);
  }

  @AfterEach
  void dropDatabase() {
    database.ifPresent(TestDatabase::close);
  }

  private static Account account(String email, Role role, Instant createdAt) {
    return new Account(
        AccountId.random(),
        new Email(email),
        role,
        AccountStatus.ACTIVE,
        new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"),
        createdAt);
  }

  @Test
  void add_thenFindByIdAndEmail_returnsEqualAccount() {
    Account account = account("a@b.c", Role.ADMIN, T0);

    accounts.add(account);

    assertThat(accounts.findById(account.id())).contains(account);
    assertThat(accounts.findByEmail(new Email("A@b.C"))).contains(account);
  }

  @Test
  void find_unknown_isEmpty() {
    assertThat(accounts.findById(AccountId.random())).isEmpty();
    assertThat(accounts.findByEmail(new Email("nobody@b.c"))).isEmpty();
  }

  @Test
  void add_duplicateEmail_isConflictAndKeepsTheFirst() {
    Account first = account("a@b.c", Role.ADMIN, T0);
    accounts.add(first);

    assertThatThrownBy(() -> accounts.add(account("a@b.c", Role.VIEWER, T0.plusSeconds(1))))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("a@b.c");
    assertThat(accounts.list()).containsExactly(first);
  }

  @Test
  void list_isOldestFirst() {
    Account later = account("later@b.c", Role.MEMBER, T0.plus(1, ChronoUnit.HOURS));
    Account earlier = account("earlier@b.c", Role.VIEWER, T0);
    accounts.add(later);
    accounts.add(earlier);

    assertThat(accounts.list()).containsExactly(earlier, later);
  }

  @Test
  void migration_runTwice_changesNothing() {
    Assumptions.assumeTrue(database.isPresent(), "a database migrates; the fake has no schema");
    Account account = account("a@b.c", Role.MEMBER, T0);
    accounts.add(account);

    LiquibaseMigrator.migrate(database.get().dataSource());

    assertThat(accounts.list()).containsExactly(account);
  }
}
