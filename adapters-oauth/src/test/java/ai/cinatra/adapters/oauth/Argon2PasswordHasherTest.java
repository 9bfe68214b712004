package ai.cinatra.adapters.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.domain.account.PasswordHash;
import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {
  private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

  @Test
  void hash_isPhcArgon2idWithTheConfiguredCost() {
    PasswordHash hash = hasher.hash("correct horse battery");

    assertThat(hash.encoded())
        .startsWith("$argon2id$v=19$m=19456,t=2,p=1$")
        .doesNotContain("correct horse battery");
  }

  @Test
  void matches_onlyTheSamePassword() {
    PasswordHash hash = hasher.hash("correct horse battery");

    assertThat(hasher.matches("correct horse battery", hash)).isTrue();
    assertThat(hasher.matches("correct horse batterY", hash)).isFalse();
    assertThat(hasher.matches("", hash)).isFalse();
  }

  @Test
  void hash_isSaltedSoEqualPasswordsDiffer() {
    assertThat(hasher.hash("same password!").encoded())
        .isNotEqualTo(hasher.hash("same password!").encoded());
  }

  @Test
  void matches_readsCostFromTheStoredHash() {
    Argon2PasswordHasher cheap = new Argon2PasswordHasher(64, 1, 1);
    PasswordHash oldHash = cheap.hash("an older password");

    assertThat(hasher.matches("an older password", oldHash)).isTrue();
  }

  @Test
  void matches_refusesMalformedOrAbusiveHashesWithoutThrowing() {
    assertThat(hasher.matches("x", new PasswordHash("plain-text"))).isFalse();
    assertThat(hasher.matches("x", new PasswordHash("$argon2i$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA")))
        .isFalse();
    // A tampered row asking for 10 GiB of memory is refused before any work is done.
    assertThat(
            hasher.matches(
                "x", new PasswordHash("$argon2id$v=19$m=10000000,t=1,p=1$c2FsdHNhbHQ$aGFzaA")))
        .isFalse();
  }

  @Test
  void matches_acceptsHashesMadeByTheArgon2ReferenceImplementation() {
    // Made with the reference CLI (Debian package argon2):
    //   echo -n "correct horse battery staple" | argon2 somesaltsomesalt -id -t 2 -k 256 -p 1 -l 32
    // -e
    //   echo -n "password" | argon2 somesalt -id -t 2 -m 16 -p 4 -l 32 -e
    PasswordHash small =
        new PasswordHash(
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$be44ZmiN3vyCbqWeB+HwHUM/Nr2UmJldFwMRb6eL5Ak");
    PasswordHash fourLanes =
        new PasswordHash(
            "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo");

    assertThat(hasher.matches("correct horse battery staple", small)).isTrue();
    assertThat(hasher.matches("correct horse battery stapler", small)).isFalse();
    assertThat(hasher.matches("password", fourLanes)).isTrue();
  }
}
