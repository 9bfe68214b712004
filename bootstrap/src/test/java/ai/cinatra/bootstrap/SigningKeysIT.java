package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing keys through the real jar: made on first start, rotated by command, sealed at rest. */
class SigningKeysIT {
  private static final Pattern KID = Pattern.compile("\"kid\":\"([^\"]+)\"");

  @TempDir Path workDir;

  private static java.util.List<String> kids(String jwks) {
    Matcher m = KID.matcher(jwks);
    java.util.List<String> kids = new java.util.ArrayList<>();
    while (m.find()) {
      kids.add(m.group(1));
    }
    return kids;
  }

  @Test
  void firstStartMakesAKey_rotationAddsOne_andJwksPublishesBoth() throws Exception {
    CinatraJar jar = new CinatraJar(workDir, Map.of());
    int port = CinatraJar.freePort();
    int adminPort = CinatraJar.freePort();
    String first;
    try (CinatraJar.Server server = jar.server(port, adminPort)) {
      var jwks = server.get(port, "/oauth/jwks");
      assertThat(jwks.headers().firstValue("Content-Type")).contains("application/jwk-set+json");
      assertThat(jwks.body()).doesNotContain("\"d\"").doesNotContain("\"p\"");
      assertThat(kids(jwks.body())).hasSize(1);
      first = kids(jwks.body()).get(0);
    }
    Path kek = workDir.resolve("data/key-encryption.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kek)))
        .isEqualTo("rw-------");

    CinatraJar.Outcome rotated = jar.run("", "keys", "rotate");

    assertThat(rotated.exitCode()).as(rotated.stderr()).isZero();
    String second =
        rotated.stdout().replaceAll("(?s).*new signing key (\\S+) is now in service.*", "$1");
    try (CinatraJar.Server server = jar.server(port, adminPort)) {
      assertThat(kids(server.get(port, "/oauth/jwks").body())).containsExactly(second, first);
    }
  }

  @Test
  void anotherKeyEncryptionKey_cannotOpenTheKeys_andSaysSo() throws Exception {
    CinatraJar jar = new CinatraJar(workDir, Map.of());
    jar.ok("", "keys", "rotate");
    CinatraJar other =
        new CinatraJar(
            workDir,
            Map.of("CINATRA_KEY_ENCRYPTION_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));

    CinatraJar.Outcome outcome = other.run("", "keys", "rotate");

    assertThat(outcome.exitCode()).isNotZero();
    assertThat(outcome.stderr().strip())
        .startsWith("error: signing key ")
        .endsWith("cannot be decrypted: the key-encryption key is not the one it was stored with");
    CinatraJar.Outcome malformed =
        new CinatraJar(workDir, Map.of("CINATRA_KEY_ENCRYPTION_KEY", "short"))
            .run("", "keys", "rotate");
    assertThat(malformed.stderr().strip())
        .isEqualTo(
            "error: the key-encryption key in oauth.keyEncryptionKey must be 32 bytes in BASE64"
                + " (openssl rand -base64 32)");
  }
}
