package ai.cinatra.bootstrap;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The real PostgreSQL the end-to-end tests use ({@code CINATRA_TEST_PG_URL}, default the local test
 * database as postgres), with a schema of its own per test. Down means failed, never skipped.
 */
public final class TestPostgres {
  public static final String URL =
      System.getenv().getOrDefault("CINATRA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String USER =
      System.getenv().getOrDefault("CINATRA_TEST_PG_USER", "postgres");
  public static final String PASSWORD =
      System.getenv().getOrDefault("CINATRA_TEST_PG_PASSWORD", "");

  private TestPostgres() {}

  /** Creates a fresh schema and returns its name. */
  public static String createSchema(String prefix) {
    String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    sql("create schema " + schema);
    return schema;
  }

  public static void dropSchema(String schema) {
    sql("drop schema " + schema + " cascade");
  }

  /** The JDBC URL whose connections work in {@code schema}. */
  public static String urlFor(String schema) {
    return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** The environment that points the jar at {@code schema}, as several nodes would be pointed. */
  public static java.util.Map<String, String> jarEnvironment(String schema, String baseUrl) {
    return java.util.Map.of(
        "CINATRA_BASE_URL", baseUrl,
        "CINATRA_DATABASE_URL", urlFor(schema),
        "CINATRA_DATABASE_USER", USER,
        "CINATRA_DATABASE_PASSWORD", PASSWORD,
        "CINATRA_KEY_ENCRYPTION_KEY", "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=");
  }

  private static void sql(String statement) {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(statement);
    } catch (SQLException e) {
      throw new AssertionError(
          "PostgreSQL is not reachable at "
              + URL
              + " ("
              + e.getMessage()
              + "). Start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main"
              + " start` (./test.sh does), or point CINATRA_TEST_PG_URL at one.",
          e);
    }
  }
}
