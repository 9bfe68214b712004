package ai.cinatra.domain.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.domain.error.InvalidValueException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientMetadataDocumentTest {
  static final String URL = "https://claude.ai/oauth/mcp-oauth-client-metadata";
  static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  /** Claude's document as it is published. */
  static Map<String, Object> claude() {
    Map<String, Object> json = new HashMap<>();
    json.put("client_id", URL);
    json.put("client_name", "Claude");
    json.put("client_uri", "https://claude.ai");
    json.put("redirect_uris", List.of("https://claude.ai/api/mcp/auth_callback"));
    json.put("grant_types", List.of("authorization_code", "refresh_token"));
    json.put("response_types", List.of("code"));
    json.put("token_endpoint_auth_method", "none");
    return json;
  }

  private static ClientMetadataDocument check(Map<String, Object> json) {
    return ClientMetadataDocument.check(ClientIdUrl.parse(URL, false), json);
  }

  @Test
  void claudesDocument_describesAPublicClientKnownByItsUrl() {
    OAuthClient client = check(claude()).toClient(T0, T0.plusSeconds(300));

    assertThat(client.id().value()).isEqualTo(URL);
    assertThat(client.name()).contains("Claude");
    assertThat(client.authMethod()).isEqualTo(TokenEndpointAuthMethod.NONE);
    assertThat(client.redirectUriMatching("https://claude.ai/api/mcp/auth_callback")).isPresent();
    assertThat(client.verifiedHost()).contains("claude.ai");
    assertThat(OAuthClient.isVerifiedClaude(client.id())).isTrue();
    assertThat(client.isMetadataCurrentAt(T0.plusSeconds(299))).isTrue();
    assertThat(client.isMetadataCurrentAt(T0.plusSeconds(300))).isFalse();
  }

  @Test
  void loopbackRedirect_matchesAnyPort_asForRegisteredClients() {
    Map<String, Object> json = claude();
    json.put("redirect_uris", List.of("http://localhost/callback"));
    OAuthClient client = check(json).toClient(T0, T0.plusSeconds(300));
    assertThat(client.redirectUriMatching("http://localhost:54321/callback")).isPresent();
    assertThat(client.redirectUriMatching("https://claude.ai/api/mcp/auth_callback")).isEmpty();
  }

  @Test
  void absentAuthMethod_isAPublicClient() {
    Map<String, Object> json = claude();
    json.remove("token_endpoint_auth_method");
    assertThat(check(json).toClient(T0, T0.plusSeconds(1)).authMethod())
        .isEqualTo(TokenEndpointAuthMethod.NONE);
  }

  @Test
  void refusals_sayWhatIsWrong() {
    assertRefused(with("client_id", URL + "-other"), "client_id must be exactly " + URL);
    assertRefused(with("client_id", null), "client_id must be exactly");
    assertRefused(with("redirect_uris", List.of()), "must list its redirect_uris");
    assertRefused(with("redirect_uris", "https://claude.ai/cb"), "must list its redirect_uris");
    assertRefused(with("redirect_uris", List.of(3)), "redirect_uris must be strings");
    assertRefused(with("redirect_uris", List.of("javascript://x/%0aalert(1)")), "forbidden scheme");
    assertRefused(with("client_secret", "s3cret"), "must not contain a client_secret");
    assertRefused(
        with("token_endpoint_auth_method", "client_secret_basic"),
        "token_endpoint_auth_method must be none");
    assertRefused(with("grant_types", List.of("password")), "grant_types may contain only");
    assertRefused(with("response_types", List.of("token")), "response_types may contain only");
    assertRefused(with("client_name", 7), "client_name must be text");
    assertRefused(with("client_name", "x".repeat(201)), "client_name must be 1 to 200");
    assertRefused(with("client_name", "Claude\u0000"), "printable");
  }

  @Test
  void claudeByName_isSelfDeclared_notVerified() {
    ClientId registered = new ClientId("mcp_abc");
    assertThat(OAuthClient.isClaude(registered, Optional.of("Claude Desktop"))).isTrue();
    assertThat(OAuthClient.isVerifiedClaude(registered)).isFalse();
    ClientId lookalike = new ClientId("https://claude.ai.evil.example/claude");
    assertThat(OAuthClient.isVerifiedClaude(lookalike)).isFalse();
    assertThat(OAuthClient.isClaude(lookalike, Optional.of("Evil"))).isFalse();
    assertThat(OAuthClient.isVerifiedClaude(new ClientId("https://claude.com/oauth/x"))).isTrue();
  }

  private static Map<String, Object> with(String field, Object value) {
    Map<String, Object> json = claude();
    json.put(field, value);
    return json;
  }

  private static void assertRefused(Map<String, Object> json, String reason) {
    assertThatThrownBy(() -> check(json))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining(reason);
  }
}
