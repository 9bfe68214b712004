package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar on the real PostgreSQL, configured only through environment variables. */
class PostgresIT {
  @TempDir Path workDir;
  private String schema;

  @BeforeEach
  void createSchema() {
    schema = TestPostgres.createSchema("it");
  }

  @AfterEach
  void dropSchema() {
    TestPostgres.dropSchema(schema);
  }

  @Test
  void dbMigrate_thenServerAndAccounts_onPostgres() throws Exception {
    CinatraJar jar =
        new CinatraJar(
            workDir,
            Map.of(
                "CINATRA_DATABASE_URL",
                TestPostgres.urlFor(schema),
                "CINATRA_DATABASE_USER",
                TestPostgres.USER,
                "CINATRA_DATABASE_PASSWORD",
                TestPostgres.PASSWORD,
                // As in production with several nodes: one key-encryption key for all, not a file.
                "CINATRA_KEY_ENCRYPTION_KEY",
                "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80="));

    assertThat(jar.run("", "db", "status").stdout())
        .containsPattern("\\d+ changesets? ha(s|ve) not been applied");
    CinatraJar.Outcome migrated = jar.run("", "db", "migrate");
    assertThat(migrated.exitCode()).as(migrated.stderr()).isZero();
    assertThat(jar.run("", "db", "status").stdout()).contains("is up to date");

    CinatraJar.Outcome created =
        jar.run(
            "a long enough password\n",
            "account",
            "create",
            "--email",
            "pg@b.c",
            "--role",
            "admin");
    assertThat(created.exitCode()).as(created.stderr()).isZero();

    int port = CinatraJar.freePort();
    int adminPort = CinatraJar.freePort();
    try (CinatraJar.Server server = jar.server(port, adminPort)) {
      assertThat(server.get(adminPort, "/healthcheck").body())
          .contains("\"database\":{\"healthy\":true");
      assertThat(jar.run("", "account", "list").stdout())
          .containsPattern("pg@b\\.c\\s+admin\\s+active");
    }
    assertThat(workDir.resolve("data")).doesNotExist();
  }
}
