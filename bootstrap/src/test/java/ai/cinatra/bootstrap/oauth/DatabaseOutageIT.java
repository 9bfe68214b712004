package ai.cinatra.bootstrap.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.bootstrap.CinatraConfiguration;
import ai.cinatra.bootstrap.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A PostgreSQL outage, made by cutting a TCP proxy between the real application and the real
 * database: every kind of request is told to come back (503, Retry-After, in its endpoint's error
 * form), the health check turns red, and when the line is back everything works again without a
 * restart and nothing acknowledged before the outage is lost.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DatabaseOutageIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA;
  private static final TcpProxy PROXY;
  static final DropwizardAppExtension<CinatraConfiguration> APP;

  static {
    SCHEMA = TestPostgres.createSchema("outage");
    try {
      URI pg = URI.create(TestPostgres.URL.substring("jdbc:".length()));
      PROXY = new TcpProxy(pg.getHost(), pg.getPort());
      String viaProxy =
          TestPostgres.urlFor(SCHEMA)
              .replace(pg.getHost() + ":" + pg.getPort(), "127.0.0.1:" + PROXY.port());
      APP = OAuthFlowContract.app(viaProxy, TestPostgres.USER);
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @org.junit.jupiter.api.BeforeAll
  static void account() {
    OAuthFlowContract.createAccount(
        TestPostgres.urlFor(SCHEMA), TestPostgres.USER, TestPostgres.PASSWORD);
  }

  @AfterAll
  static void cleanUp() throws Exception {
    PROXY.close();
    TestPostgres.dropSchema(SCHEMA);
  }

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(int port, String method, String path, String body, String token)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header(
                "Content-Type",
                path.startsWith("/oauth")
                    ? "application/x-www-form-urlencoded"
                    : "application/json")
            .header("Accept", "application/json, text/event-stream")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anOutage_answers503WithRetryAfter_turnsTheHealthCheckRed_andRecoversByItself()
      throws Exception {
    int port = APP.getLocalPort();
    int admin = APP.getAdminPort();
    OAuthFlowTokens tokens = OAuthFlowTokens.obtain("http://127.0.0.1:" + port);
    RawMcpClient before = new RawMcpClient("http://127.0.0.1:" + port, tokens.access());
    String listId =
        before.ok("lists_create", "{\"name\":\"kept through the outage\"}").get("listId").asText();

    PROXY.cut();
    HttpResponse<String> mcp =
        send(port, "POST", "/api/mcp", OAuthFlowContract.INITIALIZE, tokens.access());
    assertThat(mcp.statusCode()).as(mcp.body()).isEqualTo(503);
    assertThat(mcp.headers().firstValue("Retry-After")).contains("5");
    assertThat(JSON.readTree(mcp.body()).at("/error/message").asText()).contains("retry");
    HttpResponse<String> token = refresh(port, tokens);
    assertThat(token.statusCode()).as(token.body()).isEqualTo(503);
    assertThat(JSON.readTree(token.body()).get("error").asText())
        .isEqualTo("temporarily_unavailable");
    // Grants and accounts are checked against copies in memory while the node can still read the
    // shared change counter; within a second of losing the database it stops trusting them, and
    // then even a request that needs nothing else is told to come back.
    HttpResponse<String>[] adminApi = new HttpResponse[1];
    AnotherNode.awaitSeen(
        "the outage, by the access checks",
        () -> {
          adminApi[0] = send(port, "GET", "/api/admin/clients", null, tokens.access());
          return adminApi[0].statusCode() == 503;
        });
    assertThat(adminApi[0].headers().firstValue("Content-Type").orElse(""))
        .contains("problem+json");
    assertThat(send(admin, "GET", "/healthcheck", null, null).statusCode()).isEqualTo(500);

    PROXY.restore();
    Instant deadline = Instant.now().plusSeconds(30);
    HttpResponse<String> health;
    do {
      Thread.sleep(250);
      health = send(admin, "GET", "/healthcheck", null, null);
    } while (health.statusCode() != 200 && Instant.now().isBefore(deadline));
    assertThat(health.statusCode()).isEqualTo(200);
    RawMcpClient after = new RawMcpClient("http://127.0.0.1:" + port, tokens.access());
    assertThat(after.ok("lists_list", "{}").toString()).contains(listId);
    assertThat(refresh(port, tokens).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> refresh(int port, OAuthFlowTokens tokens) throws Exception {
    return send(
        port,
        "POST",
        "/oauth/token",
        "grant_type=refresh_token&client_id="
            + tokens.clientId()
            + "&refresh_token="
            + tokens.refresh(),
        null);
  }

  /** Tokens from the real flow. */
  record OAuthFlowTokens(String clientId, String access, String refresh) {
    static OAuthFlowTokens obtain(String base) throws Exception {
      ClaudeLikeClient client = new ClaudeLikeClient(base, OAuthFlowContract.RESOURCE);
      String clientId = client.registerTwice();
      JsonNode tokens = client.connect(clientId, OAuthFlowContract.EMAIL);
      return new OAuthFlowTokens(
          clientId, tokens.get("access_token").asText(), tokens.get("refresh_token").asText());
    }
  }
}
