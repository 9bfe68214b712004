package ai.cinatra.adapters.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class AeadSealerTest {
  private static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  private final byte[] shared = key();
  private final AeadSealer sealer = new AeadSealer(new KeyEncryption(shared));

  @Test
  void whatOneNodeSeals_anotherWithTheSameKeyOpens_forTheSamePurposeOnly() {
    String sealed = sealer.seal("mcp-request-state", "{\"answers\":{}}");
    assertThat(sealed).doesNotContain("answers");
    assertThat(new AeadSealer(new KeyEncryption(shared)).open("mcp-request-state", sealed))
        .contains("{\"answers\":{}}");
    assertThat(sealer.open("connector-secret", sealed)).isEmpty();
    assertThat(new AeadSealer(new KeyEncryption(key())).open("mcp-request-state", sealed))
        .isEmpty();
  }

  @Test
  void anAlteredOrTruncatedSeal_opensToNothing_neverAnError() {
    String sealed = sealer.seal("p", "plain");
    char last = sealed.charAt(sealed.length() - 2);
    String altered =
        sealed.substring(0, sealed.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + sealed.charAt(sealed.length() - 1);
    assertThat(sealer.open("p", altered)).isEmpty();
    assertThat(sealer.open("p", sealed.substring(0, 10))).isEmpty();
    assertThat(sealer.open("p", "v1:")).isEmpty();
    assertThat(sealer.open("p", "v1:!!!")).isEmpty();
    assertThat(sealer.open("p", "garbage")).isEmpty();
  }
}
