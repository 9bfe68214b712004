package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input gets one clear line on stderr, a non-zero exit, and changes nothing. */
class BadInputIT {
  @TempDir Path workDir;

  private static void assertOneLineError(CinatraJar.Outcome outcome, String expected) {
    assertThat(outcome.exitCode()).isNotZero();
    assertThat(outcome.stderr().strip())
        .startsWith("error: ")
        .contains(expected)
        .doesNotContain("\n");
    assertThat(outcome.stdout() + outcome.stderr())
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
  }

  @Test
  void unknownConfigurationKey_isRefusedByName() throws Exception {
    Files.writeString(workDir.resolve("config.yml"), "baseUrl: http://localhost:3000\nfoo: 1\n");

    CinatraJar.Outcome outcome = new CinatraJar(workDir, Map.of()).run("", "server", "config.yml");

    assertOneLineError(outcome, "config.yml has an error: Unrecognized field at: foo");
    assertThat(workDir.resolve("data")).doesNotExist();
  }

  @Test
  void unreachableDatabase_namesTheUrlWithoutItsPassword() throws Exception {
    int closedPort = CinatraJar.freePort();
    CinatraJar jar =
        new CinatraJar(
            workDir,
            Map.of(
                "CINATRA_DATABASE_URL",
                "jdbc:postgresql://127.0.0.1:"
                    + closedPort
                    + "/test?user=postgres&password=hunter2",
                "CINATRA_DATABASE_PASSWORD",
                "hunter3"));

    CinatraJar.Outcome outcome = jar.run("", "server");

    assertOneLineError(
        outcome,
        "database jdbc:postgresql://127.0.0.1:" + closedPort + "/test?user=postgres&password=***");
    assertThat(outcome.stderr()).contains("cannot reach the database");
    assertThat(outcome.stdout() + outcome.stderr())
        .doesNotContain("hunter2")
        .doesNotContain("hunter3");
  }

  @Test
  void duplicateEmail_isRefusedAndTheFirstAccountIsUntouched() throws Exception {
    CinatraJar jar = new CinatraJar(workDir, Map.of());
    jar.ok("", "account", "create", "--email", "a@b.c", "--role", "admin");

    CinatraJar.Outcome outcome =
        jar.run("another password!\n", "account", "create", "--email", "A@B.C", "--role", "viewer");

    assertOneLineError(outcome, "an account with email a@b.c already exists");
    CinatraJar.Outcome listed = jar.run("", "account", "list");
    assertThat(listed.stdout()).containsPattern("a@b\\.c\\s+admin\\s+active");
    assertThat(listed.stdout().lines().count()).isEqualTo(2);
  }

  @Test
  void malformedEmail_isRefusedBeforeTheDatabaseIsTouched() throws Exception {
    CinatraJar.Outcome outcome =
        new CinatraJar(workDir, Map.of()).run("", "account", "create", "--email", "not-an-email");

    assertOneLineError(outcome, "not an email address: not-an-email");
    assertThat(workDir.resolve("data")).doesNotExist();
  }

  @Test
  void unknownRole_namesTheValidOnes() throws Exception {
    CinatraJar.Outcome outcome =
        new CinatraJar(workDir, Map.of())
            .run("", "account", "create", "--email", "a@b.c", "--role", "owner");

    assertOneLineError(outcome, "unknown role 'owner'; expected one of viewer, member, admin");
    assertThat(workDir.resolve("data")).doesNotExist();
  }

  @Test
  void shortPassword_isRefusedAndNothingIsStored() throws Exception {
    CinatraJar jar = new CinatraJar(workDir, Map.of());

    CinatraJar.Outcome outcome = jar.run("short\n", "account", "create", "--email", "a@b.c");

    assertOneLineError(outcome, "a password needs at least 12 characters");
    assertThat(jar.run("", "account", "list").stdout().lines().count()).isEqualTo(1);
  }
}
