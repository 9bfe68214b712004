package ai.cinatra.bootstrap;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.ManagedDataSource;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** The database opened by a command, outside any server, with the core wired on it. */
final class OpenDatabase implements AutoCloseable {
  private final ManagedDataSource dataSource;
  private final Wiring wiring;

  private OpenDatabase(ManagedDataSource dataSource, Wiring wiring) {
    this.dataSource = dataSource;
    this.wiring = wiring;
  }

  static OpenDatabase open(CinatraConfiguration configuration) {
    DatabaseSettings settings = configuration.getDatabase();
    ManagedDataSource dataSource =
        settings.toDataSourceFactory().build(new MetricRegistry(), "database");
    try {
      Databases.migrate(dataSource, settings);
      return new OpenDatabase(
          dataSource, Wiring.on(Jdbi.create(dataSource), Clock.systemUTC(), configuration));
    } catch (RuntimeException e) {
      stopQuietly(dataSource);
      throw e;
    }
  }

  Wiring wiring() {
    return wiring;
  }

  @Override
  public void close() {
    stopQuietly(dataSource);
  }

  private static void stopQuietly(ManagedDataSource dataSource) {
    try {
      dataSource.stop();
    } catch (Exception e) {
      // Closing a pool at exit cannot be acted on; the command's own outcome is what matters.
    }
  }
}
