package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config.yml the README documents stays a valid configuration. */
class ExampleConfigIT {
  @TempDir Path workDir;

  @Test
  void documentedConfig_passesTheCheckCommand() throws Exception {
    Path example = Path.of("..", "config.yml").toAbsolutePath().normalize();

    CinatraJar.Outcome outcome =
        new CinatraJar(workDir, Map.of()).run("", "check", example.toString());

    assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    assertThat(outcome.stdout()).contains("configuration is valid");
  }
}
