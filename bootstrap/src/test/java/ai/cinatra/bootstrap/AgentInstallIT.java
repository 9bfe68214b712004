package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agent install} through the real jar, with the shipped examples and a broken file. */
class AgentInstallIT {
  private static final Path EXAMPLES = Path.of("..", "examples", "agents").toAbsolutePath();

  @TempDir Path workDir;

  @Test
  void theExamplesInstall_againTheyAreReplaced_andABrokenFileInstallsNothing() throws Exception {
    CinatraJar jar = new CinatraJar(workDir, Map.of());
    String notes = EXAMPLES.resolve("research-notes.json").toString();
    String approve = EXAMPLES.resolve("approve-and-notify.json").toString();
    Path broken = workDir.resolve("broken.json");
    Files.writeString(
        broken,
        "{\"agentId\":\"broken\",\"name\":\"B\",\"steps\":[{\"id\":\"x\",\"kind\":\"message\"}]}");

    CinatraJar.Outcome refused = jar.run("", "agent", "install", notes, broken.toString());
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.stderr().strip())
        .contains("broken.json")
        .contains("step x (message) needs the field 'text'")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");

    CinatraJar.Outcome first = jar.run("", "agent", "install", notes, approve);
    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(first.stdout())
        .contains("installed agent research-notes (Research notes)")
        .contains("installed agent approve-and-notify (Approve and notify)");
    assertThat(first.stderr())
        .as("the approval example's webhook connector is not configured yet")
        .contains("warning: agent approve-and-notify calls connector 'webhook'")
        .contains("connector webhook --url URL --name webhook")
        .doesNotContain("research-notes");
    CinatraJar.Outcome again = jar.run("", "agent", "install", notes);
    assertThat(again.stdout()).contains("replaced agent research-notes");

    CinatraJar.Outcome webhook =
        jar.run("", "connector", "webhook", "--url", "https://hooks.example.com/payouts");
    assertThat(webhook.exitCode()).as(webhook.stderr()).isZero();
    CinatraJar.Outcome withConnector = jar.run("", "agent", "install", approve);
    assertThat(withConnector.exitCode()).as(withConnector.stderr()).isZero();
    assertThat(withConnector.stderr()).doesNotContain("warning");
  }
}
