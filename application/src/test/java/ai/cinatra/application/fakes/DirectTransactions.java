package ai.cinatra.application.fakes;

import ai.cinatra.application.port.out.TransactionRunner;
import java.util.function.Supplier;

/**
 * Runs work directly; the fakes it touches have no rollback, so tests check refusals write nothing.
 */
public final class DirectTransactions implements TransactionRunner {
  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}
