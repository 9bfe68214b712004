package ai.cinatra.domain.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.domain.error.InvalidValueException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PkceTest {
  // RFC 7636 appendix B.
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

  @Test
  void s256_matchesTheRfcExample() {
    assertThat(Pkce.s256(VERIFIER)).isEqualTo(CHALLENGE);
    assertThat(Pkce.of(CHALLENGE, "S256").isVerifiedBy(VERIFIER)).isTrue();
  }

  @Test
  void plainAndMissingChallengesAreRefused() {
    assertThatThrownBy(() -> Pkce.of(VERIFIER, "plain"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("code_challenge_method must be S256");
    assertThatThrownBy(() -> Pkce.of(CHALLENGE, null))
        .hasMessage("code_challenge_method must be S256");
    assertThatThrownBy(() -> Pkce.of(null, "S256"))
        .hasMessage("code_challenge is required (PKCE with S256)");
    assertThatThrownBy(() -> Pkce.of("short", "S256")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void wrongOrMalformedVerifierFails() {
    Pkce pkce = Pkce.of(CHALLENGE, "S256");
    assertThat(pkce.isVerifiedBy(VERIFIER.replace('d', 'e'))).isFalse();
    assertThat(pkce.isVerifiedBy("too-short")).isFalse();
    assertThat(pkce.isVerifiedBy(null)).isFalse();
    // The challenge itself is a well-formed verifier but not this one's preimage.
    assertThat(pkce.isVerifiedBy(CHALLENGE)).isFalse();
  }

  @Property
  void everyWellFormedVerifierVerifiesItsOwnChallengeOnly(
      @ForAll
          @StringLength(min = 43, max = 128)
          @CharRange(from = 'a', to = 'z')
          @Chars({'-', '.', '_', '~'})
          String verifier) {
    Pkce pkce = Pkce.of(Pkce.s256(verifier), "S256");
    assertThat(pkce.isVerifiedBy(verifier)).isTrue();
    assertThat(pkce.isVerifiedBy(verifier + "a")).isFalse();
  }
}
