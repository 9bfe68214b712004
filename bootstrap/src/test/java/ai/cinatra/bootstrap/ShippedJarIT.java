package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The shipped jar holds no test code: the conformance fixtures are a pack of their own. */
class ShippedJarIT {
  private static final String FIXTURES = "ai/cinatra/bootstrap/fixture/";
  private static final String EXTENSIONS =
      "META-INF/services/ai.cinatra.adapters.http.mcp.McpExtension";

  @Test
  void cinatraJar_holdsNoFixtureClass_whileTheFixturePackHoldsThemAll() throws IOException {
    List<String> shipped = entries(CinatraJar.JAR);
    assertThat(shipped).contains("ai/cinatra/bootstrap/CinatraApplication.class");
    assertThat(shipped)
        .noneMatch(
            e -> e.startsWith("ai/cinatra/") && (e.contains("/fixture/") || e.contains("Fixture")))
        .doesNotContain(EXTENSIONS);

    Path pack;
    try (Stream<Path> files = Files.list(CinatraJar.JAR.getParent())) {
      pack =
          files
              .filter(f -> f.getFileName().toString().endsWith("-conformance-fixtures.jar"))
              .findFirst()
              .orElseThrow();
    }
    List<String> fixtures = entries(pack);
    assertThat(fixtures)
        .contains(FIXTURES + "ConformanceFixtures.class", FIXTURES + "FixtureTools.class")
        .contains(EXTENSIONS)
        .filteredOn(e -> e.endsWith(".class"))
        .allMatch(e -> e.startsWith(FIXTURES));
  }

  private static List<String> entries(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().map(ZipEntry::getName).toList();
    }
  }
}
