package ai.cinatra.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A start on a current schema skips Liquibase; a changed changelog or a rolled-back changeset does
 * not. Against H2 and the real PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class ChangelogMarkContractIT {
  @Parameter TestDatabase.Kind kind;

  private TestDatabase database;

  @BeforeEach
  void openDatabase() {
    database = TestDatabase.create(kind); // migrated once, which records the mark
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  private String mark() {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.select("select setting_value from settings where name = ?", ChangelogMark.SETTING)
                    .mapTo(String.class)
                    .one());
  }

  private boolean lockTableExists() {
    return database
        .jdbi()
        .withHandle(
            h -> {
              try {
                h.select("select count(*) from databasechangeloglock").mapTo(Integer.class).one();
                return true;
              } catch (RuntimeException missing) {
                return false;
              }
            });
  }

  @Test
  void aCurrentSchema_isLeftAlone_withoutStartingLiquibase() {
    assertThat(mark()).hasSize(64);
    database.jdbi().useHandle(h -> h.execute("drop table databasechangeloglock"));

    LiquibaseMigrator.migrate(database.dataSource());

    assertThat(lockTableExists()).as("Liquibase would have made its lock table again").isFalse();
  }

  @Test
  void aChangedChangelog_orARolledBackChangeset_goesThroughLiquibase() {
    String applied = mark();
    database
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "update settings set setting_value = 'old' where name = ?",
                    ChangelogMark.SETTING));
    database.jdbi().useHandle(h -> h.execute("drop table databasechangeloglock"));

    LiquibaseMigrator.migrate(database.dataSource());

    assertThat(lockTableExists()).isTrue();
    assertThat(mark()).isEqualTo(applied);

    database
        .jdbi()
        .useHandle(
            h -> {
              h.execute("delete from databasechangelog where id = '16-access-changes'");
              h.execute("drop table databasechangeloglock");
            });
    LiquibaseMigrator.migrate(database.dataSource());
    assertThat(lockTableExists()).as("a changeset recorded fewer times runs Liquibase").isTrue();
  }
}
