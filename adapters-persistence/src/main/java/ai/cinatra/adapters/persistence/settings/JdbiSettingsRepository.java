package ai.cinatra.adapters.persistence.settings;

import ai.cinatra.adapters.persistence.JdbiTransactions;
import ai.cinatra.adapters.persistence.SqlErrors;
import ai.cinatra.application.port.out.SettingsRepository;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SettingsRepository through JDBI: one row per setting, the name its primary key. */
public final class JdbiSettingsRepository implements SettingsRepository {

  /** SQL for the settings table. */
  public interface Dao {
    @SqlQuery("select setting_value from settings where name = :name")
    Optional<String> find(String name);

    @SqlUpdate("update settings set setting_value = :value, updated_at = :at where name = :name")
    int update(String name, String value, Instant at);

    @SqlUpdate("insert into settings (name, setting_value, updated_at) values (:name, :value, :at)")
    void insert(String name, String value, Instant at);
  }

  private final Jdbi jdbi;

  public JdbiSettingsRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  private Dao dao() {
    return JdbiTransactions.dao(jdbi, Dao.class);
  }

  @Override
  public Optional<String> find(String name) {
    return dao().find(name);
  }

  @Override
  public void put(String name, String value, Instant at) {
    if (dao().update(name, value, at) == 1) {
      return;
    }
    if (!putIfAbsent(name, value, at)) {
      dao().update(name, value, at); // another node inserted it first; the later write wins
    }
  }

  @Override
  public boolean putIfAbsent(String name, String value, Instant at) {
    try {
      dao().insert(name, value, at);
      return true;
    } catch (UnableToExecuteStatementException e) {
      if (SqlErrors.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }
}
