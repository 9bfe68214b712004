package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real fat jar, bootstrap/target/cinatra.jar, as a newcomer would: a separate process. */
public final class CinatraJar {
  static final Path JAR = Path.of("target", "cinatra.jar").toAbsolutePath();
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  /** What a finished command printed and how it exited. */
  public record Outcome(int exitCode, String stdout, String stderr) {}

  private final Path workDir;
  private final Map<String, String> environment;
  private Path fixturePack;
  private int processes;
  private Path out;
  private Path err;

  public CinatraJar(Path workDir, Map<String, String> environment) {
    assertThat(JAR).as("the fat jar; run `mvn verify`, which packages it first").exists();
    this.workDir = workDir;
    this.environment = environment;
  }

  /**
   * Puts the conformance fixture pack (built from the tests by {@code mvn package}) on the class
   * path of every later command, beside the shipped jar, as the README says to run the suite.
   */
  public CinatraJar withFixturePack() throws IOException {
    try (var files = Files.list(JAR.getParent())) {
      fixturePack =
          files
              .filter(f -> f.getFileName().toString().endsWith("-conformance-fixtures.jar"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no fixture pack; run `mvn package` first"));
    }
    return this;
  }

  /**
   * Installs the approval example (examples/agents/approve-and-notify.json) and the webhook
   * connector it posts to, at {@code webhookUrl}, as an operator would with the command line.
   */
  public void installApprovalExample(String webhookUrl) throws IOException, InterruptedException {
    ok(
        "",
        "agent",
        "install",
        Path.of("..", "examples", "agents", "approve-and-notify.json").toAbsolutePath().toString());
    ok("", "connector", "webhook", "--url", webhookUrl);
  }

  /** Runs a command that must succeed; a failure shows what it printed. */
  public Outcome ok(String stdin, String... args) throws IOException, InterruptedException {
    Outcome outcome = run(stdin, args);
    assertThat(outcome.exitCode()).as(String.join(" ", args) + ": " + outcome.stderr()).isZero();
    return outcome;
  }

  public Outcome run(String stdin, String... args) throws IOException, InterruptedException {
    return run(List.of(), stdin, args);
  }

  /** Runs a command to its end with JVM options, such as {@code -Ddw...} overrides. */
  public Outcome run(List<String> jvmArgs, String stdin, String... args)
      throws IOException, InterruptedException {
    Process process = start(jvmArgs, args);
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("cinatra " + String.join(" ", args) + " did not finish in 90 s");
    }
    return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** A running server on the given ports; stop it with {@link Server#close()}. */
  public Server server(int port, int adminPort, String... args) throws Exception {
    return server(port, adminPort, List.of(), args);
  }

  /** A running server with configuration overrides such as {@code -Ddw.mcp.streams=false}. */
  public Server server(int port, int adminPort, List<String> overrides, String... args)
      throws Exception {
    List<String> jvm =
        new ArrayList<>(
            List.of(
                "-Ddw.server.applicationConnectors[0].port=" + port,
                "-Ddw.server.adminConnectors[0].port=" + adminPort,
                // The tests' receivers and stand-ins listen on loopback, which must be allowed.
                "-Ddw.connectors.allowedPrivateHosts=127.0.0.1"));
    jvm.addAll(overrides);
    List<String> command = new ArrayList<>(List.of("server"));
    command.addAll(List.of(args));
    Process process = start(jvm, command.toArray(String[]::new));
    process.getOutputStream().close();
    Server server = new Server(process, port, adminPort, out, err);
    server.awaitHealthy();
    return server;
  }

  private Process start(List<String> jvmArgs, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(JAVA, "-Xmx256m"));
    command.addAll(jvmArgs);
    if (fixturePack == null) {
      command.addAll(List.of("-jar", JAR.toString()));
    } else {
      command.addAll(
          List.of(
              "-cp",
              JAR + java.io.File.pathSeparator + fixturePack,
              "ai.cinatra.bootstrap.CinatraApplication"));
    }
    command.addAll(List.of(args));
    // Logs live beside the work directory, never in it: a test may assert what a run created there.
    processes++;
    out = Path.of(workDir + "-" + processes + ".out");
    err = Path.of(workDir + "-" + processes + ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("CINATRA_"));
    builder.environment().putAll(environment);
    return builder.start();
  }

  /** The embedded H2 database of this work directory, shared with a running server. */
  public org.jdbi.v3.core.Jdbi embeddedDatabase() {
    return ai.cinatra.adapters.persistence.JdbiSetup.configure(
        org.jdbi.v3.core.Jdbi.create(
            "jdbc:h2:file:" + workDir.resolve("data/cinatra") + ";MODE=PostgreSQL;AUTO_SERVER=TRUE",
            "sa",
            ""));
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A server process started from the jar. */
  public final class Server implements AutoCloseable {
    private final Process process;
    final int port;
    final int adminPort;
    private final Path out;
    private final Path err;
    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Server(Process process, int port, int adminPort, Path out, Path err) {
      this.process = process;
      this.out = out;
      this.err = err;
      this.port = port;
      this.adminPort = adminPort;
    }

    HttpResponse<String> get(int onPort, String path) throws IOException, InterruptedException {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path))
              .timeout(Duration.ofSeconds(10))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    private void awaitHealthy() throws Exception {
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new AssertionError(
              "the server exited with "
                  + process.exitValue()
                  + ": "
                  + Files.readString(err)
                  + Files.readString(out));
        }
        try {
          if (get(adminPort, "/healthcheck").statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // The port is not open yet.
        }
        Thread.sleep(200);
      }
      close();
      throw new AssertionError("the server did not become healthy within 60 s");
    }

    /** The time the server answers with (its Date header), to the second. */
    public Instant date() throws IOException, InterruptedException {
      String header =
          get(port, "/.well-known/oauth-authorization-server")
              .headers()
              .firstValue("Date")
              .orElseThrow();
      return java.time.ZonedDateTime.parse(
              header, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant();
    }

    /** What the server has printed so far (its log goes to standard output). */
    public String output() throws IOException {
      return Files.readString(out) + Files.readString(err);
    }

    /** kill -9: no shutdown hooks, no graceful stop, as a crash. */
    public void kill() throws InterruptedException {
      process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
