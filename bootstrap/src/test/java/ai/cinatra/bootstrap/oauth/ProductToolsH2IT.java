package ai.cinatra.bootstrap.oauth;

import ai.cinatra.bootstrap.CinatraConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The product tools on the embedded H2. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ProductToolsH2IT extends ProductToolsContract {
  private static final String URL =
      "jdbc:h2:mem:ws" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
  static final DropwizardAppExtension<CinatraConfiguration> APP =
      OAuthFlowContract.app(URL, "sa", ProductToolsContract.LOOPBACK_ALLOWED);

  private static org.jdbi.v3.core.Jdbi database;

  @BeforeAll
  static void account() {
    database = OAuthFlowContract.createAccount(URL, "sa", "");
  }

  @Override
  org.jdbi.v3.core.Jdbi database() {
    return database;
  }

  @Override
  DropwizardAppExtension<CinatraConfiguration> app() {
    return APP;
  }
}
