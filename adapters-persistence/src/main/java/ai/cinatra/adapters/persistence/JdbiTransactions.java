package ai.cinatra.adapters.persistence;

import ai.cinatra.application.port.out.TransactionRunner;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Transactions for the JDBI repositories: work run here shares one handle, which every repository's
 * DAO joins through {@link #dao}, so its writes commit or roll back together.
 */
public final class JdbiTransactions implements TransactionRunner {
  private static final ThreadLocal<Handle> CURRENT = new ThreadLocal<>();

  private final Jdbi jdbi;

  public JdbiTransactions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (CURRENT.get() != null) {
      return work.get();
    }
    return jdbi.inTransaction(
        handle -> {
          CURRENT.set(handle);
          try {
            return work.get();
          } finally {
            CURRENT.remove();
          }
        });
  }

  /** The DAO on the current transaction's handle, or one that opens its own per call. */
  public static <D> D dao(Jdbi jdbi, Class<D> type) {
    Handle handle = CURRENT.get();
    return handle != null ? handle.attach(type) : jdbi.onDemand(type);
  }

  /** Runs work in the caller's transaction, or in a new one of its own. */
  public static <T> T inOne(Jdbi jdbi, Supplier<T> work) {
    return new JdbiTransactions(jdbi).inTransaction(work);
  }
}
