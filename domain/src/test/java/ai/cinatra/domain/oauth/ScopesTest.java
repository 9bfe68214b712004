package ai.cinatra.domain.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScopesTest {

  @Test
  void unknownScopesAreDroppedAndConnectIsAlwaysGranted() {
    assertThat(Scopes.grantable("mcp:connect offline_access admin:everything"))
        .containsExactlyInAnyOrder("mcp:connect", "offline_access");
    assertThat(Scopes.grantable("nonsense")).containsExactly("mcp:connect");
    assertThat(Scopes.grantable(null)).containsExactly("mcp:connect");
    assertThat(Scopes.grantable("  openid   profile email ")).hasSize(4);
  }

  @Test
  void formatUsesTheCanonicalOrder() {
    assertThat(Scopes.format(Scopes.grantable("email offline_access openid")))
        .isEqualTo("mcp:connect offline_access openid email");
  }

  @Test
  void hugeScopeStringsAreBoundedNotFatal() {
    assertThat(Scopes.grantable("x ".repeat(100_000) + "offline_access"))
        .containsExactly("mcp:connect");
  }
}
