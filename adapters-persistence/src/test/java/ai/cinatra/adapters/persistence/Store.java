package ai.cinatra.adapters.persistence;

import java.util.Optional;

/**
 * Where a repository contract runs: the application's in-memory fake (what the service tests
 * trust), H2, or the real PostgreSQL. One contract for all three keeps the fakes honest.
 */
public enum Store {
  IN_MEMORY(Optional.empty()),
  H2(Optional.of(TestDatabase.Kind.H2)),
  POSTGRESQL(Optional.of(TestDatabase.Kind.POSTGRESQL));

  private final Optional<TestDatabase.Kind> database;

  Store(Optional<TestDatabase.Kind> database) {
    this.database = database;
  }

  /** A fresh database for this store; empty for the in-memory fake. */
  public Optional<TestDatabase> open() {
    return database.map(TestDatabase::create);
  }
}
