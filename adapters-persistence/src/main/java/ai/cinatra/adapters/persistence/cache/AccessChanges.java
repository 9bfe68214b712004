package ai.cinatra.adapters.persistence.cache;

import ai.cinatra.adapters.persistence.JdbiTransactions;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The shared change counter (table access_changes): a write that can take access away moves it in
 * its own transaction, and every node polls it to learn that its in-memory copies are stale.
 */
public final class AccessChanges {

  /** SQL for the one row of access_changes. */
  public interface Dao {
    @SqlQuery("select counter from access_changes where id = 1")
    long read();

    @SqlUpdate("update access_changes set counter = counter + 1 where id = 1")
    void bump();
  }

  private final Jdbi jdbi;

  public AccessChanges(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The counter as committed now. */
  public long read() {
    return jdbi.onDemand(Dao.class).read();
  }

  /** Moves the counter in the caller's transaction (or on its own when there is none). */
  public void bump() {
    JdbiTransactions.dao(jdbi, Dao.class).bump();
  }
}
