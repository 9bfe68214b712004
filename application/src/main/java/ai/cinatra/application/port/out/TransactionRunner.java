package ai.cinatra.application.port.out;

import java.util.function.Supplier;

/** Runs work in one database transaction: all of its writes happen, or none. */
public interface TransactionRunner {
  <T> T inTransaction(Supplier<T> work);
}
