package ai.cinatra.adapters.persistence.connector;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.persistence.TestDatabase;
import ai.cinatra.domain.connector.Connector;
import ai.cinatra.domain.connector.ConnectorOperation;
import ai.cinatra.domain.connector.ModelProvider;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Connectors (with an http_api's declared operations) and the model provider, on H2 and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class ConnectorRepositoryContractIT {
  private static final Instant T0 = Instant.parse("2026-11-29T10:15:30.123456Z");

  @Parameter TestDatabase.Kind kind;

  private TestDatabase database;

  @BeforeEach
  void openDatabase() {
    database = TestDatabase.create(kind);
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  @Test
  void connectors_keepTheirOperationsAndSealedSecret_andASaveReplaces() {
    JdbiConnectorRepository connectors = new JdbiConnectorRepository(database.jdbi());
    Connector tracker =
        Connector.parse(
            Map.of(
                "name", "tracker",
                "kind", "http_api",
                "url", "https://tracker.example/api/",
                "secretHeader", "Authorization",
                "operations",
                    List.of(
                        Map.of(
                            "name", "issue_get",
                            "method", "GET",
                            "path", "/issues/{number}",
                            "description", "Reads an issue — «quoted»",
                            "inputSchema",
                                Map.of(
                                    "type", "object",
                                    "properties", Map.of("number", Map.of("type", "integer")),
                                    "required", List.of("number"))),
                        Map.of(
                            "name", "purge",
                            "method", "DELETE",
                            "path", "/all",
                            "role", "admin",
                            "enabled", false))),
            Optional.of("sealed-secret"),
            T0);
    connectors.save(tracker);
    assertThat(connectors.find("tracker")).contains(tracker);
    Connector stored = connectors.find("tracker").orElseThrow();
    assertThat(stored.operation("purge").orElseThrow())
        .extracting(ConnectorOperation::adminOnly, ConnectorOperation::enabled)
        .containsExactly(true, false);

    Connector hook =
        new Connector(
            "hook",
            Connector.Kind.WEBHOOK,
            URI.create("https://hooks.example/x"),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            T0);
    connectors.save(hook);
    Connector replaced =
        new Connector(
            "hook",
            Connector.Kind.WEBHOOK,
            URI.create("https://hooks.example/y"),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            T0.plusSeconds(1));
    connectors.save(replaced);
    assertThat(connectors.list()).extracting(Connector::name).containsExactly("hook", "tracker");
    assertThat(connectors.find("hook")).contains(replaced);
    assertThat(connectors.find("nope")).isEmpty();
  }

  @Test
  void theModelProvider_isOneRow_replacedOnSave() {
    JdbiModelProviderRepository models = new JdbiModelProviderRepository(database.jdbi());
    assertThat(models.find()).isEmpty();
    ModelProvider first =
        new ModelProvider(URI.create("https://api.example/v1"), "small", Optional.empty(), T0);
    ModelProvider second =
        new ModelProvider(
            URI.create("https://api.example/v2"),
            "large",
            Optional.of("sealed"),
            T0.plusSeconds(1));
    models.save(first);
    models.save(second);
    assertThat(models.find()).contains(second);
  }
}
