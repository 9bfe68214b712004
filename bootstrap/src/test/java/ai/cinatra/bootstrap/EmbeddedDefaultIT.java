package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's run command on a fresh machine: no configuration, an H2 file under ./data. */
class EmbeddedDefaultIT {
  @TempDir Path workDir;

  @Test
  void accountMadeBeforeTheFirstStart_isFoundAfterARestart() throws Exception {
    CinatraJar jar = new CinatraJar(workDir, Map.of());

    CinatraJar.Outcome created =
        jar.run("", "account", "create", "--email", "a@b.c", "--role", "admin");

    assertThat(created.exitCode()).as(created.stderr()).isZero();
    assertThat(created.stdout())
        .contains("created admin account a@b.c")
        .containsPattern("generated password \\(shown only this once\\): [A-Za-z2-9]{20}");
    assertThat(workDir.resolve("data/cinatra.mv.db")).exists();

    int port = CinatraJar.freePort();
    int adminPort = CinatraJar.freePort();
    try (CinatraJar.Server server = jar.server(port, adminPort)) {
      // No CINATRA_BASE_URL: the address is derived from the port the server was given.
      assertThat(server.get(port, "/").body()).contains("http://localhost:" + port + "/api/mcp");
      assertThat(server.get(port, "/.well-known/oauth-authorization-server").body())
          .contains("\"issuer\":\"http://localhost:" + port + "\"");
      assertThat(lastLogLine(server))
          .as("the start-up log's last line says where it listens; an account exists, so no /setup")
          .contains(
              "Cinatra is listening on http://127.0.0.1:" + port,
              "MCP Server URL: http://localhost:" + port + "/api/mcp")
          .doesNotContain("/setup");
      assertThat(server.get(adminPort, "/healthcheck").body())
          .contains("\"database\":{\"healthy\":true");
    }

    try (CinatraJar.Server restarted = jar.server(port, adminPort)) {
      // AUTO_SERVER lets a command share the H2 file with the running server.
      CinatraJar.Outcome listed = jar.run("", "account", "list");
      assertThat(listed.exitCode()).as(listed.stderr()).isZero();
      assertThat(listed.stdout()).containsPattern("a@b\\.c\\s+admin\\s+active");
    }
  }

  @Test
  void onlyCinatraPortSet_namesThatPortEverywhere_andTheLastLogLinePointsAtSetup()
      throws Exception {
    int port = CinatraJar.freePort();
    CinatraJar jar = new CinatraJar(workDir, Map.of("CINATRA_PORT", String.valueOf(port)));
    try (CinatraJar.Server server = jar.server(port, CinatraJar.freePort())) {
      assertThat(server.get(port, "/.well-known/oauth-protected-resource/api/mcp").body())
          .contains("\"resource\":\"http://localhost:" + port + "/api/mcp\"");
      assertThat(server.output()).contains("CINATRA_BASE_URL is not set");
      assertThat(lastLogLine(server))
          .contains(
              "Cinatra is listening on http://127.0.0.1:" + port,
              "no account yet: open http://localhost:" + port + "/setup");
    }
  }

  /**
   * The last line the server logged (its log lines start with the level), once the started line is
   * there: the health check can answer a moment before Jetty's start listeners run.
   */
  private static String lastLogLine(CinatraJar.Server server) throws Exception {
    for (int i = 0; i < 100 && !server.output().contains("Cinatra is listening on"); i++) {
      Thread.sleep(100);
    }
    return server
        .output()
        .lines()
        .filter(line -> line.matches("^(INFO|WARN|ERROR) .*"))
        .reduce((first, second) -> second)
        .orElseThrow();
  }

  @Test
  void passwordFromStdin_isStoredOnlyAsAnArgon2idHash() throws Exception {
    CinatraJar jar = new CinatraJar(workDir, Map.of());

    CinatraJar.Outcome created =
        jar.run("a long enough password\n", "account", "create", "--email", "m@b.c");

    assertThat(created.exitCode()).as(created.stderr()).isZero();
    assertThat(created.stdout())
        .contains("created member account m@b.c")
        .doesNotContain("generated");
    byte[] database = Files.readAllBytes(workDir.resolve("data/cinatra.mv.db"));
    String contents = new String(database, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(contents)
        .contains("$argon2id$v=19$m=19456,t=2,p=1$")
        .doesNotContain("a long enough password");
  }
}
