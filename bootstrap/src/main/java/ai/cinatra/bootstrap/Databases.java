package ai.cinatra.bootstrap;

import ai.cinatra.adapters.persistence.DatabaseUnavailableException;
import ai.cinatra.adapters.persistence.LiquibaseMigrator;
import javax.sql.DataSource;

/** Brings the configured database up to date before anything uses it. */
final class Databases {
  private Databases() {}

  /**
   * Migrates the database, turning any failure into one line that names the database without its
   * password.
   */
  static void migrate(DataSource dataSource, DatabaseSettings settings) {
    try {
      LiquibaseMigrator.migrate(dataSource);
    } catch (DatabaseUnavailableException e) {
      throw new StartupException("database " + settings.redactedUrl() + ": " + e.getMessage(), e);
    }
  }
}
