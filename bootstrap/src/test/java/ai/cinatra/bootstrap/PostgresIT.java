package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar on the real PostgreSQL, configured only through environment variables. */
class PostgresIT {
  @TempDir Path workDir;
  private String schema;

  @BeforeEach
  void createSchema() {
    schema = TestPostgres.createSchema("it");
  }

  @AfterEach
  void dropSchema() {
    TestPostgres.dropSchema(schema);
  }

  @Test
  void dbMigrate_thenServerAndAccounts_onPostgres() throws Exception {
    CinatraJar jar =
        new CinatraJar(
            workDir,
            Map.of(
                "CINATRA_DATABASE_URL",
                TestPostgres.urlFor(schema),
                "CINATRA_DATABASE_USER",
                TestPostgres.USER,
                "CINATRA_DATABASE_PASSWORD",
                TestPostgres.PASSWORD,
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

  @Test
  void thePublicUrl_setOnOneNode_isFollowedByTheOther() throws Exception {
    Map<String, String> environment = TestPostgres.jarEnvironment(schema, "http://localhost:3000");
    CinatraJar jar = new CinatraJar(workDir, environment);
    jar.ok("", "account", "create", "--email", "ops@b.c", "--role", "admin");
    String token = jar.run("", "token", "create", "--email", "ops@b.c").stdout().strip();
    int portA = CinatraJar.freePort();
    int portB = CinatraJar.freePort();
    try (CinatraJar.Server a = jar.server(portA, CinatraJar.freePort());
        CinatraJar.Server b = jar.server(portB, CinatraJar.freePort())) {
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      var set =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + portA + "/api/admin/public-url"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .PUT(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          "{\"url\":\"https://nodes.example.test\"}"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
      String metadata = "";
      long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline) {
        metadata =
            http.send(
                    java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(
                                "http://127.0.0.1:"
                                    + portB
                                    + "/.well-known/oauth-protected-resource/api/mcp"))
                        .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
        if (metadata.contains("https://nodes.example.test/api/mcp")) {
          break;
        }
        Thread.sleep(250);
      }
      assertThat(metadata)
          .as("node B's protected-resource metadata names the new address")
          .contains("\"resource\":\"https://nodes.example.test/api/mcp\"");
      assertThat(
              http.send(
                      java.net.http.HttpRequest.newBuilder(
                              java.net.URI.create(
                                  "http://127.0.0.1:"
                                      + portB
                                      + "/.well-known/oauth-authorization-server"))
                          .build(),
                      java.net.http.HttpResponse.BodyHandlers.ofString())
                  .body())
          .as("and node B issues tokens as the new address")
          .contains("\"issuer\":\"https://nodes.example.test\"");
    }
  }
}
