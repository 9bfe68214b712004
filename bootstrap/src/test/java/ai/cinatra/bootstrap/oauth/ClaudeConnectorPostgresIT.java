package ai.cinatra.bootstrap.oauth;

import ai.cinatra.bootstrap.CinatraConfiguration;
import ai.cinatra.bootstrap.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Claude-like client on the real PostgreSQL, in a schema of its own. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ClaudeConnectorPostgresIT extends ClaudeConnectorContract {
  private static final String SCHEMA;
  private static final String URL;
  static final DropwizardAppExtension<CinatraConfiguration> APP;

  static {
    // The schema must exist before the extension starts the application and migrates it.
    SCHEMA = TestPostgres.createSchema("claude");
    URL = TestPostgres.urlFor(SCHEMA);
    APP = extension(URL, TestPostgres.USER);
  }

  private static Jdbi database;

  @BeforeAll
  static void accounts() {
    database = accounts(URL, TestPostgres.USER, TestPostgres.PASSWORD);
  }

  @Override
  Jdbi database() {
    return database;
  }

  @AfterAll
  static void dropSchema() {
    TestPostgres.dropSchema(SCHEMA);
  }

  @Override
  DropwizardAppExtension<CinatraConfiguration> app() {
    return APP;
  }
}
