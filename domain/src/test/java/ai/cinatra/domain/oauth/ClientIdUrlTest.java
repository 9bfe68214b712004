package ai.cinatra.domain.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.domain.error.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientIdUrlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://claude.ai/oauth/mcp-oauth-client-metadata",
        "https://vscode.dev/oauth/client-metadata.json",
        "https://example.org:8443/clients/a?v=1"
      })
  void httpsUrlsWithAPath_areClientIds(String url) {
    ClientIdUrl parsed = ClientIdUrl.parse(url, false);
    assertThat(parsed.value()).isEqualTo(url);
    assertThat(parsed.isHttpLoopback()).isFalse();
    assertThat(new ClientId(url).isUrl()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://example.org/client.json | must use https",
        "http://127.0.0.1:8080/client.json | must use https",
        "ftp://example.org/client.json | must use https",
        "https://example.org/client.json#frag | fragment",
        "https://user:pw@example.org/client.json | user name or password",
        "https://example.org | must have a path",
        "https://example.org/ | must have a path",
        "https://example.org/a/../b | . or .. path segments",
        "https://example.org/./b | . or .. path segments",
        "https://exa mple.org/b | characters a URL cannot have",
      })
  void malformedUrls_areRefused_sayingWhich(String url, String reason) {
    assertThatThrownBy(() -> ClientIdUrl.parse(url, false))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining(reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:4567/client.json", "http://localhost:4567/client.json"})
  void httpOnLoopback_onlyWhenAllowed(String url) {
    assertThatThrownBy(() -> ClientIdUrl.parse(url, false)).hasMessageContaining("https");
    assertThat(ClientIdUrl.parse(url, true).isHttpLoopback()).isTrue();
  }

  @org.junit.jupiter.api.Test
  void httpElsewhere_isRefusedEvenWhenLoopbackIsAllowed() {
    assertThatThrownBy(() -> ClientIdUrl.parse("http://10.0.0.1/client.json", true))
        .hasMessageContaining("https");
  }

  @org.junit.jupiter.api.Test
  void overlongUrl_isRefused() {
    String url = "https://example.org/" + "a".repeat(ClientIdUrl.MAX_LENGTH);
    assertThatThrownBy(() -> ClientIdUrl.parse(url, false)).hasMessageContaining("at most 255");
    assertThatThrownBy(() -> new ClientId(url)).isInstanceOf(InvalidValueException.class);
  }
}
