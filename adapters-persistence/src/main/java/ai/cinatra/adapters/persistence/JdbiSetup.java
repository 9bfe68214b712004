package ai.cinatra.adapters.persistence;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * Prepares a Jdbi for this adapter's DAOs, whoever built it (Dropwizard at run time, tests
 * directly).
 */
public final class JdbiSetup {
  private JdbiSetup() {}

  public static Jdbi configure(Jdbi jdbi) {
    return jdbi.installPlugin(new SqlObjectPlugin());
  }
}
