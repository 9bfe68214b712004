package ai.cinatra.bootstrap.oauth;

import ai.cinatra.bootstrap.CinatraConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The OAuth flow on the real PostgreSQL, in a schema of its own. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OAuthFlowPostgresIT extends OAuthFlowContract {
  private static final String PG_URL =
      System.getenv().getOrDefault("CINATRA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String USER =
      System.getenv().getOrDefault("CINATRA_TEST_PG_USER", "postgres");
  private static final String PASSWORD =
      System.getenv().getOrDefault("CINATRA_TEST_PG_PASSWORD", "");
  private static final String SCHEMA = "oauth_" + UUID.randomUUID().toString().replace("-", "");
  private static final String URL =
      PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;

  static final DropwizardAppExtension<CinatraConfiguration> APP;

  static {
    // The schema must exist before the extension starts the application and migrates it.
    sql("create schema " + SCHEMA);
    APP = extension(URL, USER);
  }

  private static org.jdbi.v3.core.Jdbi database;

  @BeforeAll
  static void account() {
    database = createAccount(URL, USER, PASSWORD);
  }

  @Override
  org.jdbi.v3.core.Jdbi database() {
    return database;
  }

  @AfterAll
  static void dropSchema() {
    sql("drop schema " + SCHEMA + " cascade");
  }

  private static void sql(String statement) {
    try (Connection c = DriverManager.getConnection(PG_URL, USER, PASSWORD)) {
      c.createStatement().execute(statement);
    } catch (SQLException e) {
      throw new AssertionError(
          "PostgreSQL is not reachable at "
              + PG_URL
              + " ("
              + e.getMessage()
              + "). Start it with"
              + " `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`.",
          e);
    }
  }

  @Override
  DropwizardAppExtension<CinatraConfiguration> app() {
    return APP;
  }
}
