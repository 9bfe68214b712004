package ai.cinatra.bootstrap.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.persistence.account.JdbiAccountRepository;
import ai.cinatra.adapters.persistence.cache.AccessCache;
import ai.cinatra.adapters.persistence.cache.AccessChanges;
import ai.cinatra.adapters.persistence.cache.CachedAccountRepository;
import ai.cinatra.application.port.out.AccountRepository;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes as another node sharing the database would: through the caching repositories, so the
 * shared change counter moves, and the server under test learns of the write within {@link
 * #GUARANTEE} — not at once, as it does for its own writes.
 */
final class AnotherNode {
  /** How late a node may learn of another node's change to access (the product's promise). */
  static final Duration GUARANTEE = Duration.ofSeconds(1);

  private AnotherNode() {}

  static AccountRepository accounts(Jdbi database) {
    return new CachedAccountRepository(
        new JdbiAccountRepository(database),
        new AccessCache(new AccessChanges(database), Duration.ofSeconds(1), System::nanoTime));
  }

  static void changeRole(Jdbi database, String email, Role role) {
    AccountRepository accounts = accounts(database);
    accounts.updateRole(accounts.findByEmail(new Email(email)).orElseThrow().id(), role);
  }

  /**
   * Waits until {@code seen} holds — the server has learnt of a change made elsewhere — and fails
   * when that takes longer than the guarantee. Returns how long it took.
   */
  static Duration awaitSeen(String what, Callable<Boolean> seen) throws Exception {
    long start = System.nanoTime();
    while (!seen.call()) {
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as(what + " is seen within " + GUARANTEE)
          .isLessThanOrEqualTo(GUARANTEE);
      Thread.sleep(20);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
