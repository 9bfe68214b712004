package ai.cinatra.bootstrap.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.bootstrap.CinatraJar;
import ai.cinatra.bootstrap.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Claude's connection through the real jar, on H2 and on PostgreSQL: the Claude-like client
 * registers at the root (twice) and, separately, names itself by a metadata document served from
 * loopback (CINATRA_CIMD_ALLOW_HTTP_LOOPBACK, warned about in the log); both connect, and are still
 * connected two hours later on the jar's clock without refreshing. The jar runs under libfaketime
 * (Debian's faketime package, installed by test.sh), whose clock this test moves through a file.
 */
class ClaudeJarIT {
  static final Path FAKETIME = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");
  static final String MEMBER = "person@example.org";
  static final String ADMIN = "admin@example.org";

  @TempDir Path workDir;

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void claude_connectsByRegistrationAndByMetadataDocument_andStaysConnectedHoursLater(String db)
      throws Exception {
    assertThat(FAKETIME)
        .as("libfaketime moves the jar's clock: install Debian's faketime package (test.sh does)")
        .exists();
    Path clock = Files.createTempFile("cinatra-clock", ".txt");
    Files.writeString(clock, "+0");
    String schema = db.equals("postgresql") ? TestPostgres.createSchema("claudejar") : null;
    int port = CinatraJar.freePort();
    String base = "http://127.0.0.1:" + port;
    Map<String, String> environment =
        new HashMap<>(
            schema == null
                ? Map.of("CINATRA_BASE_URL", base)
                : TestPostgres.jarEnvironment(schema, base));
    environment.put("CINATRA_CIMD_ALLOW_HTTP_LOOPBACK", "true");
    environment.put("LD_PRELOAD", FAKETIME.toString());
    environment.put("FAKETIME_TIMESTAMP_FILE", clock.toString());
    // Reread the clock file at most once a second (rereading it on every call starves the JVM),
    // leave the monotonic clock alone, and skip libfaketime's pthread_cond_timedwait fix, with
    // which the JVM's own timed waits spin and the server never starts.
    environment.put("FAKETIME_CACHE_DURATION", "1");
    environment.put("FAKETIME_DONT_FAKE_MONOTONIC", "1");
    environment.put("FAKETIME_FORCE_MONOTONIC_FIX", "0");
    CinatraJar jar = new CinatraJar(workDir, environment);
    jar.ok(OAuthFlowContract.PASSWORD + "\n", "account", "create", "--email", MEMBER);
    jar.ok(
        OAuthFlowContract.PASSWORD + "\n",
        "account",
        "create",
        "--email",
        ADMIN,
        "--role",
        "admin");
    try (DocumentServer documents = new DocumentServer();
        CinatraJar.Server server = jar.server(port, CinatraJar.freePort())) {
      assertThat(server.output()).contains("allowHttpLoopback is on");
      String resource = base + "/api/mcp";

      // By registration, at the origin root only.
      ClaudeLikeClient registered = new ClaudeLikeClient(base, resource);
      registered.discover();
      registered.connect(registered.registerTwice(), MEMBER);
      registered.initialize();
      assertThat(registered.whoami()).contains(MEMBER);

      // By a metadata document: fetched once.
      String clientId = documents.url("/oauth/mcp-oauth-client-metadata");
      documents.serveDocument(
          "/oauth/mcp-oauth-client-metadata", clientId, ClaudeLikeClient.CALLBACK, "max-age=3600");
      ClaudeLikeClient byDocument = new ClaudeLikeClient(base, resource);
      byDocument.discover();
      byDocument.connect(clientId, MEMBER);
      byDocument.initialize();
      assertThat(byDocument.whoami()).contains(MEMBER);
      assertThat(documents.hits("/oauth/mcp-oauth-client-metadata")).isEqualTo(1);

      // Two hours later on the jar's clock, neither has refreshed, and both still work.
      moveClock(clock, "+2h", server);
      assertThat(registered.whoami()).contains(MEMBER);
      assertThat(byDocument.whoami()).contains(MEMBER);

      // An admin disconnects the document client: refused on its next call; the other stays.
      ClaudeLikeClient admin = new ClaudeLikeClient(base, resource);
      admin.connect(admin.registerTwice(), ADMIN);
      admin.initialize();
      JsonNode disconnected =
          admin.result(
              "tools/call",
              "{\"name\":\"mcp_client_disconnect\",\"arguments\":{\"clientId\":\""
                  + clientId
                  + "\"}}");
      assertThat(disconnected.path("isError").asBoolean(false))
          .as(disconnected.toString())
          .isFalse();
      assertThat(
              byDocument.rpc("tools/call", "{\"name\":\"whoami\",\"arguments\":{}}").statusCode())
          .isEqualTo(401);
      assertThat(registered.whoami()).contains(MEMBER);

      // 31 days on, the 30-day token has run out (the clock really moved).
      moveClock(clock, "+31d", server);
      assertThat(
              registered.rpc("tools/call", "{\"name\":\"whoami\",\"arguments\":{}}").statusCode())
          .isEqualTo(401);

      System.out.println(
          "Through the jar on "
              + db
              + ", by registration:\n  "
              + String.join("\n  ", registered.log)
              + "\nby metadata document:\n  "
              + String.join("\n  ", byDocument.log));
    } finally {
      Files.deleteIfExists(clock);
      if (schema != null) {
        TestPostgres.dropSchema(schema);
      }
    }
  }

  /** Moves the jar's clock and waits until the jar's own Date header shows it. */
  private static void moveClock(Path clock, String offset, CinatraJar.Server server)
      throws Exception {
    Files.writeString(clock, offset);
    java.time.Instant expected =
        java.time.Instant.now()
            .plus(
                offset.endsWith("h")
                    ? java.time.Duration.ofHours(
                        Long.parseLong(offset.substring(1, offset.length() - 1)))
                    : java.time.Duration.ofDays(
                        Long.parseLong(offset.substring(1, offset.length() - 1))));
    for (int i = 0; i < 50; i++) {
      java.time.Instant shown = server.date();
      if (Math.abs(java.time.Duration.between(shown, expected).toSeconds()) < 60) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the jar's clock did not move to " + offset);
  }
}
