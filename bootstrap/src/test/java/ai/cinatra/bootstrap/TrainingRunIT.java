package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data training run (README, "Heap and start-up"): with -Dcinatra.exitAfterStart=true the
 * server starts fully, then exits by itself with 0, so the JVM can write its archive.
 */
class TrainingRunIT {
  @TempDir Path workDir;

  @Test
  void theServer_startsFully_andExits_whenTraining() throws Exception {
    int port = CinatraJar.freePort();
    CinatraJar jar =
        new CinatraJar(workDir, Map.of("CINATRA_BASE_URL", "http://127.0.0.1:" + port));
    CinatraJar.Outcome training =
        jar.run(
            List.of(
                "-Dcinatra.exitAfterStart=true",
                "-Ddw.server.applicationConnectors[0].port=" + port,
                "-Ddw.server.adminConnectors[0].port=" + CinatraJar.freePort()),
            "",
            "server");
    String printed = training.stdout() + training.stderr();
    assertThat(training.exitCode()).as(printed).isZero();
    assertThat(printed)
        .contains("Started ") // Jetty's line: the server was up, not stopped half-way
        .contains("cinatra.exitAfterStart is set: started, now exiting");
  }
}
