package ai.cinatra.bootstrap.oauth;

import ai.cinatra.bootstrap.CinatraConfiguration;
import ai.cinatra.bootstrap.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The product tools on the real PostgreSQL, in a schema of its own. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ProductToolsPostgresIT extends ProductToolsContract {
  private static final String SCHEMA;
  private static final String URL;

  static final DropwizardAppExtension<CinatraConfiguration> APP;

  static {
    // The schema must exist before the extension starts the application and migrates it.
    SCHEMA = TestPostgres.createSchema("ws");
    URL = TestPostgres.urlFor(SCHEMA);
    APP = OAuthFlowContract.app(URL, TestPostgres.USER, ProductToolsContract.LOOPBACK_ALLOWED);
  }

  private static org.jdbi.v3.core.Jdbi database;

  @BeforeAll
  static void account() {
    database = OAuthFlowContract.createAccount(URL, TestPostgres.USER, TestPostgres.PASSWORD);
  }

  @Override
  org.jdbi.v3.core.Jdbi database() {
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
