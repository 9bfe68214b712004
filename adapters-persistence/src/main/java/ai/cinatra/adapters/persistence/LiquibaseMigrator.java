package ai.cinatra.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Brings a database's schema up to date with the changelog; safe when several nodes start at once.
 */
public final class LiquibaseMigrator {
  /** The changelog on the classpath; `db migrate` loads the same file. */
  public static final String CHANGELOG = "db/changelog/cinatra.xml";

  private LiquibaseMigrator() {}

  /**
   * Applies every pending changeset. Liquibase's lock table makes concurrent callers wait for each
   * other rather than apply a changeset twice.
   */
  public static void migrate(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      ChangelogMark mark = ChangelogMark.of(CHANGELOG);
      if (mark.isAppliedOn(connection)) {
        return; // nothing to do, and starting Liquibase to learn that costs about a second
      }
      try {
        Database database =
            DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        Map<String, Object> scope =
            Map.of(
                Scope.Attr.resourceAccessor.name(),
                new ClassLoaderResourceAccessor(LiquibaseMigrator.class.getClassLoader()),
                // Liquibase writes to stdout by default; a server logs instead.
                Scope.Attr.ui.name(),
                new LoggerUIService(),
                "liquibase.analytics.enabled",
                false);
        Scope.child(
            scope,
            () ->
                new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .addArgumentValue(
                        ShowSummaryArgument.SHOW_SUMMARY_OUTPUT,
                        liquibase.UpdateSummaryOutputEnum.LOG)
                    .execute());
      } finally {
        // Liquibase leaves auto-commit off; a pooled connection handed back like that breaks JDBI.
        connection.setAutoCommit(true);
      }
      mark.recordOn(connection);
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot reach the database: " + e.getMessage(), e);
    } catch (Exception e) {
      throw new DatabaseUnavailableException("database migration failed: " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
