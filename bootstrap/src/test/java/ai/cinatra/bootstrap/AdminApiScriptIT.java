package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/admin-api.sh, which uses only curl and a personal access token, does every REST admin
 * operation against the real jar, bad input included; and a token whose account is no longer an
 * admin gets a 403 problem detail.
 */
class AdminApiScriptIT {
  private static final Path SCRIPT = Path.of("..", "examples", "admin-api.sh").toAbsolutePath();

  @TempDir Path workDir;

  @Test
  void anAdminScript_withCurlAndAPersonalToken_doesEveryOperation() throws Exception {
    int port = CinatraJar.freePort();
    String base = "http://127.0.0.1:" + port;
    CinatraJar jar = new CinatraJar(workDir, Map.of("CINATRA_BASE_URL", base));
    for (String email : new String[] {"ops@example.org", "second@example.org"}) {
      jar.ok("", "account", "create", "--email", email, "--role", "admin");
    }
    CinatraJar.Outcome memberToken =
        jar.run("", "token", "create", "--email", "nobody@example.org");
    assertThat(memberToken.exitCode()).isEqualTo(1);
    assertThat(memberToken.stderr()).contains("no account with email nobody@example.org");
    String token = jar.run("", "token", "create", "--email", "ops@example.org").stdout().strip();
    String second =
        jar.run("", "token", "create", "--email", "second@example.org", "--name", "ci")
            .stdout()
            .strip();
    assertThat(token).startsWith("cin_pat_");
    // Demoted before the script runs: ops@ is the last admin, which the script checks.
    jar.ok("", "account", "role", "--email", "second@example.org", "--role", "member");
    try (CinatraJar.Server server = jar.server(port, CinatraJar.freePort())) {
      ProcessBuilder builder =
          new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
      builder.environment().put("CINATRA_URL", base);
      builder.environment().put("CINATRA_TOKEN", token);
      Process admin = builder.start();
      String output = new String(admin.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(admin.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(admin.exitValue()).as(output).isZero();
      assertThat(output).contains("all admin API operations answered as expected");
      long calls =
          java.nio.file.Files.readAllLines(SCRIPT).stream()
              .filter(l -> l.startsWith("call "))
              .count();
      assertThat(output.lines().filter(l -> l.startsWith("ok ")).count())
          .as("one answer per call in the script")
          .isEqualTo(calls);

      // The second admin was demoted after making a token: it now meets a 403 problem detail.
      HttpResponse<String> refused =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/api/admin/accounts"))
                      .header("Authorization", "Bearer " + second)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
      assertThat(refused.body()).contains("\"status\":403", "is member");
      assertThat(jar.run("", "token", "list", "--email", "second@example.org").stdout())
          .contains("ci")
          .doesNotContain(second.substring(8));
    }
  }
}
