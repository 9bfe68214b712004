package ai.cinatra.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, migrated, empty database for one test: an in-memory H2, or a new schema on the real
 * PostgreSQL at {@code CINATRA_TEST_PG_URL}. PostgreSQL being down fails the test, never skips it.
 */
public final class TestDatabase implements AutoCloseable {
  public static final String PG_URL =
      System.getenv().getOrDefault("CINATRA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String PG_USER =
      System.getenv().getOrDefault("CINATRA_TEST_PG_USER", "postgres");
  public static final String PG_PASSWORD =
      System.getenv().getOrDefault("CINATRA_TEST_PG_PASSWORD", "");

  /** The two databases every repository contract runs against. */
  public enum Kind {
    H2,
    POSTGRESQL
  }

  private final Kind kind;
  private final DataSource dataSource;
  private final Runnable dropper;
  private final Jdbi jdbi;

  private TestDatabase(Kind kind, DataSource dataSource, Runnable dropper) {
    this.kind = kind;
    this.dataSource = dataSource;
    this.dropper = dropper;
    LiquibaseMigrator.migrate(dataSource);
    this.jdbi = JdbiSetup.configure(Jdbi.create(dataSource));
  }

  public static List<Kind> kinds() {
    return List.of(Kind.values());
  }

  public static TestDatabase create(Kind kind) {
    return kind == Kind.H2 ? h2() : postgres();
  }

  public static TestDatabase h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:t" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return new TestDatabase(Kind.H2, ds, () -> execute(ds, "shutdown"));
  }

  public static TestDatabase postgres() {
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    PGSimpleDataSource admin = pgDataSource();
    try (Connection c = admin.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute("create schema " + schema);
      }
    } catch (SQLException e) {
      throw new AssertionError(
          "PostgreSQL is not reachable at "
              + PG_URL
              + " as "
              + PG_USER
              + " ("
              + e.getMessage()
              + "). These tests need a real server: start the installed one with"
              + " `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`"
              + " (or run ./test.sh, which does), or point CINATRA_TEST_PG_URL at one.",
          e);
    }
    PGSimpleDataSource ds = pgDataSource();
    ds.setCurrentSchema(schema);
    return new TestDatabase(
        Kind.POSTGRESQL, ds, () -> execute(admin, "drop schema " + schema + " cascade"));
  }

  private static PGSimpleDataSource pgDataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(PG_URL);
    ds.setUser(PG_USER);
    ds.setPassword(PG_PASSWORD);
    ds.setConnectTimeout(5);
    return ds;
  }

  private static void execute(DataSource ds, String sql) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
    }
  }

  public Kind kind() {
    return kind;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  @Override
  public void close() {
    dropper.run();
  }

  @Override
  public String toString() {
    return kind.name();
  }
}
