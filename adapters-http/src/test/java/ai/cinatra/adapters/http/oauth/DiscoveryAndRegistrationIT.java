package ai.cinatra.adapters.http.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.http.TestHttpApplication;
import ai.cinatra.application.service.ClientRegistrationService;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.OAuthClient;
import ai.cinatra.domain.oauth.OpaqueSecret;
import ai.cinatra.domain.oauth.ServerAddress;
import io.dropwizard.core.Configuration;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(DropwizardExtensionsSupport.class)
class DiscoveryAndRegistrationIT {
  private static final String ISSUER = "https://cinatra.example.org";
  private static final MapClientRepository CLIENTS = new MapClientRepository();

  static final DropwizardAppExtension<Configuration> APP =
      TestHttpApplication.serving(
          new DiscoveryResource(() -> new ServerAddress(ISSUER + "/")),
          new RegistrationResource(
              new ClientRegistrationService(
                  CLIENTS, new RevokedClients(), Clock.systemUTC(), 1000, Duration.ofMillis(1)),
              () -> new ServerAddress(ISSUER + "/"),
              Jackson.newObjectMapper()));

  /** The grants out-port, recording which clients' grants were revoked. */
  static final class RevokedClients implements ai.cinatra.application.port.out.GrantRepository {
    static final java.util.List<ClientId> REVOKED =
        new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void add(ai.cinatra.domain.oauth.Grant grant) {}

    @Override
    public java.util.Optional<ai.cinatra.domain.oauth.Grant> findById(
        ai.cinatra.domain.oauth.GrantId id) {
      return java.util.Optional.empty();
    }

    @Override
    public void revoke(ai.cinatra.domain.oauth.GrantId id, java.time.Instant at) {}

    @Override
    public int revokeAllOfClient(ClientId client, java.time.Instant at) {
      REVOKED.add(client);
      return 1;
    }
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + APP.getLocalPort() + path;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> getJson(String path) {
    Response response = APP.client().target(url(path)).request().get();
    assertThat(response.getStatus()).isEqualTo(200);
    return response.readEntity(Map.class);
  }

  private static Response register(String body) {
    return APP.client()
        .target(url("/oauth/register"))
        .request()
        .post(Entity.entity(body, MediaType.APPLICATION_JSON));
  }

  @Test
  void protectedResourceMetadata_pointsAtTheIssuer_atBothPaths() {
    for (String path :
        List.of(
            "/.well-known/oauth-protected-resource/api/mcp",
            "/.well-known/oauth-protected-resource")) {
      assertThat(getJson(path))
          .containsEntry("resource", ISSUER + "/api/mcp")
          .containsEntry("authorization_servers", List.of(ISSUER))
          .containsEntry("bearer_methods_supported", List.of("header"))
          .containsEntry(
              "scopes_supported",
              List.of("mcp:connect", "offline_access", "openid", "profile", "email"));
    }
  }

  @Test
  void authorizationServerMetadata_isTheSameAtBothPaths_andOnlyS256() {
    Map<String, Object> metadata = getJson("/.well-known/oauth-authorization-server");

    assertThat(metadata)
        .containsEntry("issuer", ISSUER)
        .containsEntry("authorization_endpoint", ISSUER + "/oauth/authorize")
        .containsEntry("token_endpoint", ISSUER + "/oauth/token")
        .containsEntry("registration_endpoint", ISSUER + "/oauth/register")
        .containsEntry("revocation_endpoint", ISSUER + "/oauth/revoke")
        .containsEntry("introspection_endpoint", ISSUER + "/oauth/introspect")
        .containsEntry("jwks_uri", ISSUER + "/oauth/jwks")
        .containsEntry("response_types_supported", List.of("code"))
        .containsEntry("grant_types_supported", List.of("authorization_code", "refresh_token"))
        .containsEntry("code_challenge_methods_supported", List.of("S256"))
        .containsEntry(
            "token_endpoint_auth_methods_supported",
            List.of("none", "client_secret_basic", "client_secret_post"));
    assertThat(getJson("/.well-known/openid-configuration")).isEqualTo(metadata);
  }

  @Test
  @SuppressWarnings("unchecked")
  void claudeRegistration_isAPublicClientWithItsCallbacks() {
    Response response =
        register(
            """
            {"client_name":"Claude","redirect_uris":["https://claude.ai/api/mcp/auth_callback",
             "https://claude.com/api/mcp/auth_callback"],"grant_types":["authorization_code","refresh_token"],
             "response_types":["code"],"token_endpoint_auth_method":"none","scope":"mcp:connect unknown:x"}
            """);

    assertThat(response.getStatus()).isEqualTo(201);
    assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
    Map<String, Object> body = response.readEntity(Map.class);
    assertThat(body)
        .containsEntry("client_name", "Claude")
        .containsEntry("token_endpoint_auth_method", "none")
        .doesNotContainKey("client_secret");
    assertThat(CLIENTS.findById(new ClientId((String) body.get("client_id")))).isPresent();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theClientDeletesItsOwnRegistration_withItsRegistrationAccessToken_rfc7592() {
    Map<String, Object> body =
        register(
                "{\"redirect_uris\":[\"http://127.0.0.1:33418/callback\"],"
                    + "\"token_endpoint_auth_method\":\"none\"}")
            .readEntity(Map.class);
    String id = (String) body.get("client_id");
    String token = (String) body.get("registration_access_token");
    assertThat(token).hasSizeGreaterThan(40);
    assertThat(body).containsEntry("registration_client_uri", ISSUER + "/oauth/register/" + id);

    for (String authorization : new String[] {null, "Bearer wrong", "Basic " + token}) {
      var request = APP.client().target(url("/oauth/register/" + id)).request();
      Response refused =
          (authorization == null ? request : request.header("Authorization", authorization))
              .delete();
      assertThat(refused.getStatus()).isEqualTo(401);
      assertThat(refused.getHeaderString("WWW-Authenticate")).contains("invalid_token");
      assertThat(refused.readEntity(Map.class)).containsEntry("error", "invalid_token");
    }
    assertThat(CLIENTS.findById(new ClientId(id))).isPresent();

    Response deleted =
        APP.client()
            .target(url("/oauth/register/" + id))
            .request()
            .header("Authorization", "Bearer " + token)
            .delete();
    assertThat(deleted.getStatus()).isEqualTo(204);
    assertThat(CLIENTS.findById(new ClientId(id))).isEmpty();
    assertThat(RevokedClients.REVOKED).contains(new ClientId(id));
    // Gone: the same request again is refused as any unknown client would be.
    assertThat(
            APP.client()
                .target(url("/oauth/register/" + id))
                .request()
                .header("Authorization", "Bearer " + token)
                .delete()
                .getStatus())
        .isEqualTo(401);
  }

  @Test
  @SuppressWarnings("unchecked")
  void mcpRemoteStyleConfidentialRegistration_returnsTheSecretOnce() {
    Response response =
        register(
            """
            {"client_name":"MCP CLI Proxy","redirect_uris":["http://localhost:5173/oauth/callback"]}
            """);

    assertThat(response.getStatus()).isEqualTo(201);
    Map<String, Object> body = response.readEntity(Map.class);
    assertThat(body).containsEntry("token_endpoint_auth_method", "client_secret_basic");
    String secret = (String) body.get("client_secret");
    OAuthClient stored =
        CLIENTS.findById(new ClientId((String) body.get("client_id"))).orElseThrow();
    assertThat(stored.secretHash().orElseThrow()).isNotEqualTo(secret);
    assertThat(OpaqueSecret.matches(secret, stored.secretHash().orElseThrow())).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json | invalid_client_metadata | not valid JSON",
        "[1,2] | invalid_client_metadata | must be a JSON object",
        "{} | invalid_redirect_uri | redirect_uris is required",
        "{\"redirect_uris\":\"https://a.example/cb\"} | invalid_redirect_uri | must be an array",
        "{\"redirect_uris\":[\"https://a.example/cb\",\"http://evil.example/cb\"]} | invalid_redirect_uri | http://evil.example/cb",
        "{\"redirect_uris\":[\"https://a.example/cb#x\"]} | invalid_redirect_uri | fragment",
        "{\"redirect_uris\":[\"https://a.example/cb\"],\"grant_types\":[\"implicit\"]} | invalid_client_metadata | grant_types",
        "{\"redirect_uris\":[\"https://a.example/cb\"],\"client_name\":7} | invalid_client_metadata | client_name must be a string",
        "{\"redirect_uris\":[\"https://a.example/cb\"],\"token_endpoint_auth_method\":\"private_key_jwt\"} | invalid_client_metadata | token_endpoint_auth_method"
      })
  @SuppressWarnings("unchecked")
  void badRegistration_isRfc7591ErrorJson_andStoresNothing(
      String body, String error, String detail) {
    int before = CLIENTS.clients.size();

    Response response = register(body);

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
    Map<String, Object> answer = response.readEntity(Map.class);
    assertThat(answer).containsEntry("error", error);
    assertThat((String) answer.get("error_description")).contains(detail);
    assertThat(CLIENTS.clients).hasSize(before);
  }

  @Test
  @SuppressWarnings("unchecked")
  void oversizedRegistration_isRefused() {
    Response response =
        register("{\"client_name\":\"" + "x".repeat(RegistrationResource.MAX_BODY_CHARS) + "\"}");

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.readEntity(Map.class)).containsEntry("error", "invalid_client_metadata");
  }
}
