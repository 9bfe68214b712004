package ai.cinatra.bootstrap.oauth;

import ai.cinatra.bootstrap.CinatraConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Claude-like client on the embedded H2. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ClaudeConnectorH2IT extends ClaudeConnectorContract {
  private static final String URL =
      "jdbc:h2:mem:claude" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
  static final DropwizardAppExtension<CinatraConfiguration> APP = extension(URL, "sa");

  private static Jdbi database;

  @BeforeAll
  static void accounts() {
    database = accounts(URL, "sa", "");
  }

  @Override
  Jdbi database() {
    return database;
  }

  @Override
  DropwizardAppExtension<CinatraConfiguration> app() {
    return APP;
  }
}
