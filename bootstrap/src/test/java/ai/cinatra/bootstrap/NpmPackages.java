package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Installs a test's pinned npm packages (package-lock.json) into a folder under target/. */
final class NpmPackages {
  private NpmPackages() {}

  /** Written after a successful install: the lock file it installed, so a new pin reinstalls. */
  private static final String INSTALLED_FROM = "node_modules/.installed-from-lock";

  /**
   * Copies the files into {@code folder} and runs {@code npm ci} there unless every path in {@code
   * installed} already exists and was installed from the same package-lock.json.
   */
  static void install(Path folder, List<Path> files, List<String> installed) throws Exception {
    Files.createDirectories(folder);
    for (Path file : files) {
      Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    String lock = Files.readString(folder.resolve("package-lock.json"));
    Path marker = folder.resolve(INSTALLED_FROM);
    if (installed.stream().allMatch(p -> Files.exists(folder.resolve(p)))
        && Files.exists(marker)
        && Files.readString(marker).equals(lock)) {
      return;
    }
    Process npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(npm.waitFor(5, TimeUnit.MINUTES)).as("npm ci finished").isTrue();
    assertThat(npm.exitValue()).as("npm ci (needs Node 18+ and npm): " + output).isZero();
    Files.writeString(marker, lock);
  }
}
