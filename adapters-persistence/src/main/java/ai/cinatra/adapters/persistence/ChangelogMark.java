package ai.cinatra.adapters.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What lets a start skip Liquibase: the SHA-256 of the changelog last applied in full, kept in the
 * settings table. The schema counts as current only when that digest matches the changelog in this
 * jar and the database records as many changesets as it holds (a rollback lowers the count), so an
 * edited or new changeset, or a rolled-back one, always goes through Liquibase and its checks.
 */
final class ChangelogMark {
  static final String SETTING = "schema_changelog_sha256";
  private static final Pattern CHANGESET = Pattern.compile("<changeSet\\s");

  private final String digest;
  private final int changesets;

  private ChangelogMark(String digest, int changesets) {
    this.digest = digest;
    this.changesets = changesets;
  }

  static ChangelogMark of(String resource) {
    try (InputStream in = ChangelogMark.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the changelog " + resource + " is not on the classpath");
      }
      byte[] text = in.readAllBytes();
      int count = 0;
      Matcher m = CHANGESET.matcher(new String(text, StandardCharsets.UTF_8));
      while (m.find()) {
        count++;
      }
      return new ChangelogMark(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)), count);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the changelog " + resource, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Whether this changelog was applied in full on the database; false on a new database. */
  boolean isAppliedOn(Connection connection) {
    try (PreparedStatement digestQuery =
            connection.prepareStatement("select setting_value from settings where name = ?");
        PreparedStatement countQuery =
            connection.prepareStatement("select count(*) from databasechangelog")) {
      digestQuery.setString(1, SETTING);
      try (ResultSet stored = digestQuery.executeQuery();
          ResultSet applied = countQuery.executeQuery()) {
        return stored.next()
            && digest.equals(stored.getString(1))
            && applied.next()
            && applied.getInt(1) == changesets;
      }
    } catch (SQLException noSchemaYet) {
      rollBackIfNeeded(connection); // PostgreSQL refuses further statements in a failed transaction
      return false;
    }
  }

  /** Records that this changelog is now applied; another node doing the same at once is fine. */
  void recordOn(Connection connection) throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    try (PreparedStatement update =
        connection.prepareStatement(
            "update settings set setting_value = ?, updated_at = ? where name = ?")) {
      update.setString(1, digest);
      update.setTimestamp(2, now);
      update.setString(3, SETTING);
      if (update.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into settings (name, setting_value, updated_at) values (?, ?, ?)")) {
      insert.setString(1, SETTING);
      insert.setString(2, digest);
      insert.setTimestamp(3, now);
      insert.executeUpdate();
    } catch (SQLException anotherNodeWasFirst) {
      // The same digest, written by a node that migrated at the same moment.
    }
  }

  private static void rollBackIfNeeded(Connection connection) {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      // the connection is unusable anyway; Liquibase will say why
    }
  }
}
