package ai.cinatra.adapters.persistence.cache;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.persistence.JdbiTransactions;
import ai.cinatra.adapters.persistence.TestDatabase;
import ai.cinatra.adapters.persistence.account.JdbiAccountRepository;
import ai.cinatra.adapters.persistence.mcp.JdbiMcpSessionRepository;
import ai.cinatra.adapters.persistence.oauth.JdbiGrantRepository;
import ai.cinatra.application.port.out.AccountRepository;
import ai.cinatra.application.port.out.GrantRepository;
import ai.cinatra.application.port.out.McpSessionRepository;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.AccountStatus;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.PasswordHash;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.mcp.LogLevel;
import ai.cinatra.domain.mcp.McpSession;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.Grant;
import ai.cinatra.domain.oauth.GrantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two nodes on one database, each with its own {@link AccessCache}: rows are served from memory, a
 * node's own write is seen on its next read, another node's once the counter is polled, and nothing
 * is served from memory while polls are late. Against H2 and the real PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class AccessCacheContractIT {
  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
  private static final Duration TRUSTED_FOR = Duration.ofMillis(800);

  @Parameter TestDatabase.Kind kind;

  private TestDatabase database;
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private Node here;
  private Node there;

  /** One node's view: its cache and the repositories read through it. */
  private final class Node {
    final AccessCache cache =
        new AccessCache(new AccessChanges(database.jdbi()), TRUSTED_FOR, nanos::get);
    final AccountRepository accounts =
        new CachedAccountRepository(new JdbiAccountRepository(database.jdbi()), cache);
    final GrantRepository grants =
        new CachedGrantRepository(new JdbiGrantRepository(database.jdbi()), cache);
    final McpSessionRepository sessions =
        new CachedMcpSessionRepository(new JdbiMcpSessionRepository(database.jdbi()), cache);
  }

  @BeforeEach
  void openDatabase() {
    database = TestDatabase.create(kind);
    here = new Node();
    there = new Node();
    here.cache.poll();
    there.cache.poll();
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  private Account newAccount() {
    Account account =
        new Account(
            AccountId.random(),
            new Email("a-" + nanos.incrementAndGet() + "@example.org"),
            Role.MEMBER,
            AccountStatus.ACTIVE,
            new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"),
            T0);
    here.accounts.add(account);
    return account;
  }

  private void changeBehindEveryonesBack(String sql, Object id) {
    database.jdbi().useHandle(h -> h.execute(sql, id));
  }

  @Test
  void aFoundRow_isServedFromMemory_withoutReadingTheDatabaseAgain() {
    Account account = newAccount();
    assertThat(here.accounts.findById(account.id()).orElseThrow().role()).isEqualTo(Role.MEMBER);

    changeBehindEveryonesBack(
        "update accounts set role = 'ADMIN' where id = ?", account.id().value());

    assertThat(here.accounts.findById(account.id()).orElseThrow().role()).isEqualTo(Role.MEMBER);
    assertThat(
            new JdbiAccountRepository(database.jdbi()).findById(account.id()).orElseThrow().role())
        .isEqualTo(Role.ADMIN);
  }

  @Test
  void aNodesOwnChange_isSeenOnItsNextRead_andAnotherNodesAfterItsNextPoll() {
    Account account = newAccount();
    here.accounts.findById(account.id());
    there.accounts.findById(account.id());

    here.accounts.updateRole(account.id(), Role.VIEWER);

    assertThat(here.accounts.findById(account.id()).orElseThrow().role()).isEqualTo(Role.VIEWER);
    assertThat(there.accounts.findById(account.id()).orElseThrow().role())
        .as("before its poll, the other node still has its copy")
        .isEqualTo(Role.MEMBER);
    there.cache.poll();
    assertThat(there.accounts.findById(account.id()).orElseThrow().role()).isEqualTo(Role.VIEWER);

    there.accounts.updateStatus(account.id(), AccountStatus.DISABLED);
    here.cache.poll();
    assertThat(here.accounts.findById(account.id()).orElseThrow().isActive()).isFalse();
  }

  @Test
  void inATransaction_theCopiesAreDroppedOnlyOnceItCommits_andNotAtAllWhenItRollsBack() {
    GrantId id = GrantId.random();
    here.grants.add(
        new Grant(
            id,
            AccountId.random(),
            new ClientId("mcp_c"),
            Set.of("mcp:connect"),
            "r",
            T0,
            Optional.empty()));
    here.grants.findById(id);
    JdbiTransactions transactions = new JdbiTransactions(database.jdbi());

    try {
      transactions.inTransaction(
          () -> {
            here.grants.revoke(id, T0);
            throw new IllegalStateException("rolled back");
          });
    } catch (IllegalStateException expected) {
      // the revocation never happened
    }
    here.cache.poll();
    assertThat(here.grants.findById(id).orElseThrow().isActive()).isTrue();

    transactions.inTransaction(
        () -> {
          here.grants.revoke(id, T0);
          return null;
        });
    assertThat(here.grants.findById(id).orElseThrow().isActive()).isFalse();
    there.cache.poll();
    assertThat(there.grants.findById(id).orElseThrow().isActive()).isFalse();
  }

  @Test
  void whilePollsAreLate_everyReadGoesToTheDatabase() {
    Account account = newAccount();
    here.accounts.findById(account.id());
    changeBehindEveryonesBack(
        "update accounts set status = 'DISABLED' where id = ?", account.id().value());

    nanos.addAndGet(TRUSTED_FOR.toNanos());

    assertThat(here.accounts.findById(account.id()).orElseThrow().isActive()).isFalse();
    here.cache.poll();
    assertThat(here.accounts.findById(account.id()).orElseThrow().isActive()).isFalse();
  }

  @Test
  void anEndedSessionIsSeenEverywhere_andARecordedUseUpdatesTheCopyInPlace() {
    McpSession session =
        new McpSession(
            "hash-" + nanos.incrementAndGet(),
            AccountId.random(),
            new ClientId("mcp_c"),
            "2025-11-25",
            Set.of(),
            LogLevel.INFO,
            T0,
            T0,
            Optional.empty());
    here.sessions.add(session);
    there.sessions.findByHash(session.idHash());

    here.sessions.recordUse(session.idHash(), T0.plusSeconds(120));
    assertThat(here.sessions.findByHash(session.idHash()).orElseThrow().lastUsedAt())
        .isEqualTo(T0.plusSeconds(120));

    here.sessions.end(session.idHash(), T0.plusSeconds(180));
    there.cache.poll();
    assertThat(there.sessions.findByHash(session.idHash()).orElseThrow().endedAt()).isPresent();
  }

  @Test
  void anUnknownId_isNeverRememberedAsMissing() {
    Account account =
        new Account(
            AccountId.random(),
            new Email("late@example.org"),
            Role.MEMBER,
            AccountStatus.ACTIVE,
            new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"),
            T0);
    assertThat(here.accounts.findById(account.id())).isEmpty();
    there.accounts.add(account);
    assertThat(here.accounts.findById(account.id())).isPresent();
  }
}
