package ai.cinatra.bootstrap.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.bootstrap.CinatraJar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check-connection} run from the jar against the jar: it passes against a server on
 * localhost and leaves no connection behind; each known operator mistake is set up for real (a
 * public URL changed after a token was issued, a proxy that drops /.well-known or the root OAuth
 * paths, a base URL with the wrong port, a clock five minutes off under libfaketime) and gets its
 * diagnosis; bad input (nothing listening, not an MCP server, an HTML page, wrong credentials) is a
 * ✗ line and exit 1, never a stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckConnectionIT {
  static final String EMAIL = "person@example.org";

  @TempDir static Path workDir;
  private CinatraJar accounts;

  @BeforeAll
  void anAccount() throws Exception {
    accounts = jar(Map.of());
    accounts.ok(OAuthFlowContract.PASSWORD + "\n", "account", "create", "--email", EMAIL);
  }

  @Test
  void passesAgainstTheJarOnLocalhost_andRevokesWhatItWasGiven() throws Exception {
    int port = CinatraJar.freePort();
    String base = "http://127.0.0.1:" + port;
    CinatraJar jar =
        jar(Map.of("CINATRA_BASE_URL", base, "CINATRA_CIMD_ALLOW_HTTP_LOOPBACK", "true"));
    try (DocumentServer documents = new DocumentServer();
        CinatraJar.Server server = jar.server(port, CinatraJar.freePort())) {
      CinatraJar.Outcome plain = check(jar, base + "/api/mcp");
      assertPassed(plain, 14);
      assertThat(plain.stdout())
          .contains("✓ Claude's client metadata document: not tried: claude.ai cannot reach")
          .contains(
              "✓ the origin-root OAuth paths claude.ai uses: /register, /authorize and /token")
          .contains("✓ token: an access token for \"" + base + "/api/mcp\", and a refresh token")
          .contains("✓ tools/list: ")
          .contains("✓ a read-only tool call (whoami): " + EMAIL)
          .contains("✓ refresh: a new access token");
      String clientId = clientId(plain.stdout());
      assertThat(activeGrants(jar, clientId)).as("the check revoked its grant").isZero();
      assertThat(allGrants(jar, clientId)).isEqualTo(1);
      assertThat(registrations(jar, clientId)).as("and deleted its registration").isZero();

      // With a metadata document the server can fetch, that step is tried, and passes.
      String document = documents.url("/oauth/mcp-oauth-client-metadata");
      documents.serveDocument(
          "/oauth/mcp-oauth-client-metadata", document, ClaudeLikeClient.CALLBACK, "max-age=60");
      CinatraJar.Outcome withDocument =
          check(jar, base + "/api/mcp", "--client-metadata-url", document);
      assertPassed(withDocument, 14);
      assertThat(withDocument.stdout())
          .contains("✓ Claude's client metadata document: the server fetched " + document);
      assertThat(documents.hits("/oauth/mcp-oauth-client-metadata")).isPositive();

      // A document the server cannot use is Claude's failure: the step says so.
      String missing = documents.url("/oauth/gone");
      documents.serve(
          "/oauth/gone",
          new DocumentServer.Answer(
              200,
              "application/json",
              Map.of(),
              "{\"redirect_uris\":[\"" + ClaudeLikeClient.CALLBACK + "\"]}"));
      assertFailedAt(
          check(jar, base + "/api/mcp", "--client-metadata-url", missing),
          "Claude's client metadata document",
          "so Claude names itself by " + missing,
          "the server could not use it");
    }
  }

  @Test
  void metadataDocumentsTurnedOff_areNotOffered_andClaudeRegistersInstead() throws Exception {
    int port = CinatraJar.freePort();
    String base = "http://127.0.0.1:" + port;
    CinatraJar jar =
        jar(
            Map.of(
                "CINATRA_BASE_URL", base,
                "CINATRA_CIMD_ALLOW_HTTP_LOOPBACK", "true",
                "CINATRA_CIMD_ENABLED", "false"));
    try (DocumentServer documents = new DocumentServer();
        CinatraJar.Server server = jar.server(port, CinatraJar.freePort())) {
      String document = documents.url("/oauth/mcp-oauth-client-metadata");
      documents.serveDocument(
          "/oauth/mcp-oauth-client-metadata", document, ClaudeLikeClient.CALLBACK, "max-age=60");
      CinatraJar.Outcome outcome = check(jar, base + "/api/mcp", "--client-metadata-url", document);
      assertPassed(outcome, 14);
      assertThat(outcome.stdout())
          .contains("✓ Claude's client metadata document: not offered; Claude registers instead");

      // Asked anyway, the server refuses the document without fetching it.
      ClaudeLikeClient claude = new ClaudeLikeClient(base, base + "/api/mcp");
      var refused = claude.openAuthorize(document);
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).contains("client metadata documents are turned off");
      assertThat(documents.hits("/oauth/mcp-oauth-client-metadata")).isZero();
    }
  }

  @Test
  void aPublicUrlChangedAfterTheTokenWasIssued_isNamed() throws Exception {
    int port = CinatraJar.freePort();
    String before = "http://localhost:" + port;
    String token;
    CinatraJar old = jar(Map.of("CINATRA_BASE_URL", before));
    try (CinatraJar.Server server = old.server(port, CinatraJar.freePort())) {
      ClaudeLikeClient claude = new ClaudeLikeClient(before, before + "/api/mcp");
      token = claude.connect(claude.registerTwice(), EMAIL).path("access_token").asText();
      assertThat(token).isNotEmpty();
    }
    String after = "http://127.0.0.1:" + port;
    CinatraJar moved = jar(Map.of("CINATRA_BASE_URL", after));
    try (CinatraJar.Server server = moved.server(port, CinatraJar.freePort())) {
      assertFailedAt(
          check(moved, after + "/api/mcp", "--token", token),
          "the token you gave",
          "This token was issued for " + before + "/api/mcp",
          "the public URL changed after the client connected",
          "disconnect the client on the connector page and connect it again");
    }
  }

  @Test
  void aProxyThatDropsWellKnown_isNamed() throws Exception {
    int port = CinatraJar.freePort();
    try (DroppingProxy proxy = new DroppingProxy("http://127.0.0.1:" + port, "/.well-known/")) {
      CinatraJar jar = jar(Map.of("CINATRA_BASE_URL", proxy.origin()));
      try (CinatraJar.Server server = jar.server(port, CinatraJar.freePort())) {
        CinatraJar.Outcome outcome = check(jar, proxy.origin() + "/api/mcp");
        assertFailedAt(
            outcome,
            "protected resource metadata",
            "answered an HTML page where JSON belongs",
            "does not pass /.well-known/*");
        assertThat(outcome.stdout()).contains("✓ unauthenticated probe").contains("404 Not Found");
      }
    }
  }

  @Test
  void aProxyThatPassesOnlyTheAdvertisedOAuthPaths_isNamed() throws Exception {
    int port = CinatraJar.freePort();
    try (DroppingProxy proxy = new DroppingProxy("http://127.0.0.1:" + port, "/register")) {
      CinatraJar jar = jar(Map.of("CINATRA_BASE_URL", proxy.origin()));
      try (CinatraJar.Server server = jar.server(port, CinatraJar.freePort())) {
        assertFailedAt(
            check(jar, proxy.origin() + "/api/mcp"),
            "the origin-root OAuth paths claude.ai uses",
            "POST " + proxy.origin() + "/register → 404",
            "does not pass /register to Cinatra");
      }
    }
  }

  @Test
  void aBaseUrlWithTheWrongPort_isNamed() throws Exception {
    int port = CinatraJar.freePort();
    int wrong = CinatraJar.freePort();
    CinatraJar jar = jar(Map.of("CINATRA_BASE_URL", "http://127.0.0.1:" + wrong));
    try (CinatraJar.Server server = jar.server(port, CinatraJar.freePort())) {
      assertFailedAt(
          check(jar, "http://127.0.0.1:" + port + "/api/mcp"),
          "protected resource metadata",
          "The server sends clients to http://127.0.0.1:" + wrong,
          "but you reached it at http://127.0.0.1:" + port,
          "Set CINATRA_BASE_URL");
    }
  }

  @Test
  void aServerClockFiveMinutesAhead_isNamed() throws Exception {
    assertThat(ClaudeJarIT.FAKETIME)
        .as("libfaketime moves the jar's clock: install Debian's faketime package (test.sh does)")
        .exists();
    int port = CinatraJar.freePort();
    String base = "http://127.0.0.1:" + port;
    Map<String, String> environment = new HashMap<>();
    environment.put("CINATRA_BASE_URL", base);
    environment.put("LD_PRELOAD", ClaudeJarIT.FAKETIME.toString());
    environment.put("FAKETIME", "+5m");
    // As in ClaudeJarIT: the JVM's timed waits spin with libfaketime's monotonic fixes on.
    environment.put("FAKETIME_DONT_FAKE_MONOTONIC", "1");
    environment.put("FAKETIME_FORCE_MONOTONIC_FIX", "0");
    CinatraJar skewed = jar(environment);
    try (CinatraJar.Server server = skewed.server(port, CinatraJar.freePort())) {
      // The doctor runs on this machine's clock, as an operator's would.
      assertFailedAt(
          check(jar(Map.of()), base + "/api/mcp"),
          "clocks",
          "s ahead of this machine's",
          "Synchronize its clock (NTP)");
    }
  }

  @Test
  void badInput_isAClearLineAndExitOne_neverAStackTrace() throws Exception {
    int port = CinatraJar.freePort();
    int adminPort = CinatraJar.freePort();
    String base = "http://127.0.0.1:" + port;
    CinatraJar jar = jar(Map.of("CINATRA_BASE_URL", base));
    try (DocumentServer pages = new DocumentServer();
        CinatraJar.Server server = jar.server(port, adminPort)) {
      assertFailedAt(
          check(jar, "http://127.0.0.1:" + CinatraJar.freePort() + "/api/mcp"),
          "unauthenticated probe",
          "no connection",
          "Nothing answers at");
      assertFailedAt(
          check(jar, "http://127.0.0.1:" + adminPort + "/healthcheck"),
          "unauthenticated probe",
          "this is not an MCP server");
      pages.serve(
          "/api/mcp",
          new DocumentServer.Answer(200, "text/html", Map.of(), "<html><p>Welcome</p></html>"));
      assertFailedAt(
          check(jar, pages.url("/api/mcp")),
          "unauthenticated probe",
          "An HTML page answered where an MCP server should");
      assertFailedAt(
          check(jar, "not-a-url", "--email", EMAIL), "the URL", "Give the MCP Server URL");
      assertFailedAt(
          check(jar, "http://cinatra.example.com/api/mcp"),
          "the URL",
          "Claude connects to https URLs only");
      CinatraJar.Outcome wrongPassword =
          jar.run(
              "not the password\n",
              "check-connection",
              "--url",
              base + "/api/mcp",
              "--email",
              EMAIL);
      assertFailedAt(
          wrongPassword,
          "authorization, sign-in and consent (PKCE S256)",
          "The sign-in was refused: check the email and password");
    }
  }

  private CinatraJar jar(Map<String, String> environment) {
    return new CinatraJar(workDir, environment);
  }

  private static CinatraJar.Outcome check(CinatraJar jar, String url, String... more)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("check-connection", "--url", url));
    if (!List.of(more).contains("--email")) {
      args.addAll(List.of("--email", EMAIL));
    }
    args.addAll(List.of(more));
    return jar.run(OAuthFlowContract.PASSWORD + "\n", args.toArray(String[]::new));
  }

  private static void assertPassed(CinatraJar.Outcome outcome, int checks) {
    assertThat(outcome.exitCode()).as(outcome.stdout() + outcome.stderr()).isZero();
    assertThat(outcome.stdout()).doesNotContain("✗").contains("All " + checks + " checks passed");
  }

  /** Exit 1, the named step is the ✗ line, the words are in its diagnosis, and no stack trace. */
  private static void assertFailedAt(CinatraJar.Outcome outcome, String step, String... words) {
    String shown = outcome.stdout() + outcome.stderr();
    assertThat(outcome.exitCode()).as(shown).isEqualTo(1);
    assertThat(outcome.stdout()).as(shown).contains("✗ " + step + "\n");
    assertThat(outcome.stdout().lines().filter(l -> l.startsWith("✗"))).hasSize(1);
    String failure = outcome.stdout().substring(outcome.stdout().indexOf("✗ " + step));
    for (String word : words) {
      assertThat(failure).as(shown).contains(word);
    }
    assertThat(outcome.stdout()).contains("Not connectable yet");
    assertThat(shown).doesNotContain("Exception:").doesNotContainPattern("\\tat [a-z]");
  }

  private static String clientId(String stdout) {
    Matcher id = Pattern.compile("client_id (mcp_[A-Za-z0-9_-]+)").matcher(stdout);
    assertThat(id.find()).as(stdout).isTrue();
    return id.group(1);
  }

  private static long activeGrants(CinatraJar jar, String clientId) {
    return count(
        jar, "select count(*) from grants where client_id = :c and revoked_at is null", clientId);
  }

  private static long allGrants(CinatraJar jar, String clientId) {
    return count(jar, "select count(*) from grants where client_id = :c", clientId);
  }

  private static long registrations(CinatraJar jar, String clientId) {
    return count(jar, "select count(*) from oauth_clients where id = :c", clientId);
  }

  private static long count(CinatraJar jar, String sql, String clientId) {
    return jar.embeddedDatabase()
        .withHandle(h -> h.createQuery(sql).bind("c", clientId).mapTo(Long.class).one());
  }
}
