package ai.cinatra.domain.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;

class PublicBaseUrlTest {
  @Test
  void isNormalised_andItsLengthIsBounded() {
    assertThat(new PublicBaseUrl(" https://Tunnel.Example.com:443/ ").value())
        .isEqualTo("https://tunnel.example.com");
    assertThat(new PublicBaseUrl("https://x.example:8443").mcpServerUrl())
        .isEqualTo("https://x.example:8443/api/mcp");
    String longHost = "https://" + "a".repeat(PublicBaseUrl.MAX_LENGTH - 8 - 4) + ".com";
    assertThat(new PublicBaseUrl(longHost).value()).hasSize(PublicBaseUrl.MAX_LENGTH);
    assertThatThrownBy(() -> new PublicBaseUrl(longHost + "x"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("at most 500");
  }
}
