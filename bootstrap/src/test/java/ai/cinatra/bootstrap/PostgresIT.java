package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar on the real PostgreSQL, configured only through environment variables. */
class PostgresIT {
  private static final String PG_URL =
      System.getenv().getOrDefault("CINATRA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String PG_USER =
      System.getenv().getOrDefault("CINATRA_TEST_PG_USER", "postgres");
  private static final String PG_PASSWORD =
      System.getenv().getOrDefault("CINATRA_TEST_PG_PASSWORD", "");

  @TempDir Path workDir;
  private final String schema = "it_" + UUID.randomUUID().toString().replace("-", "");

  @BeforeEach
  void createSchema() {
    sql("create schema " + schema);
  }

  @AfterEach
  void dropSchema() {
    sql("drop schema " + schema + " cascade");
  }

  @Test
  void dbMigrate_thenServerAndAccounts_onPostgres() throws Exception {
    String separator = PG_URL.contains("?") ? "&" : "?";
    CinatraJar jar =
        new CinatraJar(
            workDir,
            Map.of(
                "CINATRA_DATABASE_URL",
                PG_URL + separator + "currentSchema=" + schema,
                "CINATRA_DATABASE_USER",
                PG_USER,
                "CINATRA_DATABASE_PASSWORD",
                PG_PASSWORD,
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

  private void sql(String statement) {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(statement);
    } catch (SQLException e) {
      throw new AssertionError(
          "PostgreSQL is not reachable at "
              + PG_URL
              + " ("
              + e.getMessage()
              + "). Start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main"
              + " start` (./test.sh does), or point CINATRA_TEST_PG_URL at one.",
          e);
    }
  }
}
