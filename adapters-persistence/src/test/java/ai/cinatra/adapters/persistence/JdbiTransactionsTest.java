package ai.cinatra.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DAOs are attached once per transaction and made on demand once per JDBI instance (H2). */
class JdbiTransactionsTest {
  /** A DAO over the settings table, enough to see which handle a call ran on. */
  public interface SettingsDao {
    @SqlUpdate(
        "insert into settings (name, setting_value, updated_at) values (:name, 'x', current_timestamp)")
    void put(String name);

    @SqlQuery("select count(*) from settings where name like 'test-%'")
    int count();
  }

  private final TestDatabase database = TestDatabase.h2();
  private final JdbiTransactions transactions = new JdbiTransactions(database.jdbi());

  @AfterEach
  void close() {
    database.close();
  }

  private SettingsDao dao() {
    return JdbiTransactions.dao(database.jdbi(), SettingsDao.class);
  }

  @Test
  void oneTransaction_attachesItsDaoOnce_andItsWritesRollBackTogether() {
    SettingsDao[] seen = new SettingsDao[2];
    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      seen[0] = dao();
                      seen[0].put("test-a");
                      seen[1] = dao();
                      seen[1].put("test-b");
                      assertThat(seen[1].count()).isEqualTo(2);
                      throw new IllegalStateException("roll back");
                    }))
        .hasMessage("roll back");
    assertThat(seen[1]).isSameAs(seen[0]);
    assertThat(dao().count()).isZero();
  }

  @Test
  void eachTransaction_hasItsOwnDao_onItsOwnHandle() {
    SettingsDao first = transactions.inTransaction(this::dao);
    SettingsDao second =
        transactions.inTransaction(
            () -> {
              dao().put("test-c");
              return dao();
            });
    assertThat(second).isNotSameAs(first);
    assertThat(dao().count()).isEqualTo(1);
  }

  @Test
  void outsideTransactions_theOnDemandDaoIsMadeOncePerJdbi() {
    assertThat(dao()).isSameAs(dao());
    assertThat(dao()).isNotSameAs(transactions.inTransaction(this::dao));
    try (TestDatabase other = TestDatabase.h2()) {
      SettingsDao elsewhere = JdbiTransactions.dao(other.jdbi(), SettingsDao.class);
      assertThat(elsewhere).isNotSameAs(dao());
      elsewhere.put("test-d");
      assertThat(elsewhere.count()).isEqualTo(1);
      assertThat(dao().count()).isZero();
    }
  }
}
