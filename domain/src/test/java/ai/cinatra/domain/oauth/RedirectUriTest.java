package ai.cinatra.domain.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.domain.error.InvalidValueException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUriTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://claude.ai/api/mcp/auth_callback",
        "https://claude.com/api/mcp/auth_callback",
        "https://chatgpt.com/connector/oauth/abc123",
        "http://localhost:53817/oauth/callback",
        "http://127.0.0.1:33418/",
        "http://[::1]:8080/cb",
        "cursor://anysphere.cursor-retrieval/oauth/user-cinatra/callback",
        "com.example.app:/oauth2redirect"
      })
  void acceptsWhatRealClientsRegister(String uri) {
    assertThat(new RedirectUri(uri).value()).isEqualTo(uri);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.com/cb",
        "http://192.168.1.10/cb",
        "https://claude.ai/cb#frag",
        "javascript:alert(1)",
        "data:text/html,hi",
        "file:///etc/passwd",
        "/relative/path",
        "https:///no-host",
        "https://user:pw@claude.ai/cb",
        "mailto:a@b.c",
        "not a uri"
      })
  void refusesUnsafeOrMalformedUris(String uri) {
    assertThatThrownBy(() -> new RedirectUri(uri))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("redirect URI");
  }

  @Test
  void refusesOverlongUri() {
    assertThatThrownBy(() -> new RedirectUri("https://a.b/" + "x".repeat(2000)))
        .hasMessageContaining("longer than 2000");
  }

  @Test
  void httpsMatchesOnlyTheExactString() {
    RedirectUri registered = new RedirectUri("https://claude.ai/api/mcp/auth_callback");

    assertThat(registered.matches("https://claude.ai/api/mcp/auth_callback")).isTrue();
    assertThat(registered.matches("https://claude.ai/api/mcp/auth_callback/")).isFalse();
    assertThat(registered.matches("https://claude.ai:8443/api/mcp/auth_callback")).isFalse();
    assertThat(registered.matches("https://claude.ai/api/mcp/auth_callback?x=1")).isFalse();
    assertThat(registered.matches("https://CLAUDE.ai/api/mcp/auth_callback")).isFalse();
    assertThat(registered.matches(null)).isFalse();
  }

  @Property
  void loopbackMatchesAnyPortWithTheSameHostAndPath(
      @ForAll @IntRange(min = 1, max = 65535) int registeredPort,
      @ForAll @IntRange(min = 1, max = 65535) int requestedPort) {
    RedirectUri registered =
        new RedirectUri("http://localhost:" + registeredPort + "/oauth/callback");

    assertThat(registered.matches("http://localhost:" + requestedPort + "/oauth/callback"))
        .isTrue();
    assertThat(registered.matches("http://localhost:" + requestedPort + "/oauth/other")).isFalse();
    assertThat(registered.matches("http://127.0.0.1:" + requestedPort + "/oauth/callback"))
        .isFalse();
    assertThat(registered.matches("https://localhost:" + requestedPort + "/oauth/callback"))
        .isFalse();
    assertThat(registered.matches("http://localhost:" + requestedPort + "/oauth/callback#x"))
        .isFalse();
    assertThat(registered.matches("http://evil@localhost:" + requestedPort + "/oauth/callback"))
        .isFalse();
  }

  @Test
  void loopbackWithoutPortMatchesWithPort() {
    assertThat(new RedirectUri("http://127.0.0.1/cb").matches("http://127.0.0.1:4711/cb")).isTrue();
    assertThat(new RedirectUri("http://[::1]:1/cb").matches("http://[::1]:2/cb")).isTrue();
  }

  @Test
  void displayHostNamesWherePeopleAreSent() {
    assertThat(new RedirectUri("https://claude.ai/api/mcp/auth_callback").displayHost())
        .isEqualTo("claude.ai");
    assertThat(new RedirectUri("cursor://anysphere.cursor-retrieval/cb").displayHost())
        .isEqualTo("anysphere.cursor-retrieval");
    assertThat(new RedirectUri("com.example.app:/cb").displayHost()).isEqualTo("com.example.app:");
  }
}
