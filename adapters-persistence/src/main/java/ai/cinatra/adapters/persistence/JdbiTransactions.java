package ai.cinatra.adapters.persistence;

import ai.cinatra.application.port.out.TransactionRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * Transactions for the JDBI repositories: work run here shares one handle, which every repository's
 * DAO joins through {@link #dao}, so its writes commit or roll back together.
 */
public final class JdbiTransactions implements TransactionRunner {
  private static final ThreadLocal<Handle> CURRENT = new ThreadLocal<>();
  private static final ThreadLocal<List<Runnable>> AFTER_COMMIT = new ThreadLocal<>();

  /**
   * DAOs attached to the current transaction's handle, by type. Attaching builds a proxy and copies
   * the handle's configuration; a run step attached a DAO for each of its twenty statements (a
   * tenth of the run engine's CPU in bench/RESULTS.md), now once per transaction.
   */
  private static final ThreadLocal<Map<Class<?>, Object>> ATTACHED = new ThreadLocal<>();

  private final Jdbi jdbi;

  public JdbiTransactions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (CURRENT.get() != null) {
      return work.get();
    }
    List<Runnable> afterCommit = new ArrayList<>();
    T result;
    try {
      result =
          jdbi.inTransaction(
              handle -> {
                CURRENT.set(handle);
                AFTER_COMMIT.set(afterCommit);
                ATTACHED.set(new HashMap<>());
                try {
                  return work.get();
                } finally {
                  CURRENT.remove();
                  AFTER_COMMIT.remove();
                  ATTACHED.remove();
                }
              });
    } catch (RuntimeException e) {
      afterCommit.clear(); // rolled back: nothing happened that anyone needs to hear of
      throw e;
    }
    afterCommit.forEach(Runnable::run);
    return result;
  }

  /**
   * Runs {@code action} once the current transaction has committed, or at once when there is none
   * (each statement then commits by itself). Caches drop what a write changed here: dropped before
   * the commit, a concurrent reader could load and keep the old row again.
   */
  public static void afterCommit(Runnable action) {
    List<Runnable> pending = AFTER_COMMIT.get();
    if (pending == null) {
      action.run();
    } else {
      pending.add(action);
    }
  }

  /** The DAO on the current transaction's handle, or one that opens its own per call. */
  public static <D> D dao(Jdbi jdbi, Class<D> type) {
    Handle handle = CURRENT.get();
    if (handle != null) {
      return type.cast(ATTACHED.get().computeIfAbsent(type, handle::attach));
    }
    return type.cast(jdbi.getConfig(OnDemandDaos.class).daos.computeIfAbsent(type, jdbi::onDemand));
  }

  /** Runs work in the caller's transaction, or in a new one of its own. */
  public static <T> T inOne(Jdbi jdbi, Supplier<T> work) {
    return new JdbiTransactions(jdbi).inTransaction(work);
  }

  /**
   * The on-demand DAOs of one JDBI instance (thread-safe; each call takes its own handle), kept in
   * its configuration so they live and die with it; shared, not copied, by the handles it opens.
   */
  public static final class OnDemandDaos implements JdbiConfig<OnDemandDaos> {
    private final Map<Class<?>, Object> daos = new ConcurrentHashMap<>();

    @Override
    public OnDemandDaos createCopy() {
      return this;
    }
  }
}
