package ai.cinatra.adapters.persistence;

import java.sql.SQLException;

/**
 * Reads SQL states that H2 and PostgreSQL share, so repositories can turn them into domain answers.
 */
public final class SqlErrors {
  /** SQLSTATE for a unique or primary key violation, the same on H2 and PostgreSQL. */
  private static final String UNIQUE_VIOLATION = "23505";

  private SqlErrors() {}

  public static boolean isUniqueViolation(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
