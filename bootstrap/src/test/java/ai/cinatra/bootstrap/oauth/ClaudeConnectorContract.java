package ai.cinatra.bootstrap.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.bootstrap.CinatraConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client that behaves as claude.ai's connector backend is publicly reported to behave
 * (anthropics/claude-ai-mcp #82, #341, #481, #247, #702, #840): it reads the authorization server
 * metadata at the origin root and then uses only the root endpoints, registers twice per attempt,
 * captures the redirect to https://claude.ai/api/mcp/auth_callback without following it, never
 * refreshes, and never initializes again after a 404. Also the same client with a Client ID
 * Metadata Document served from loopback. Real HTTP against the real application, on a clock the
 * test moves; run on H2 and on PostgreSQL by the subclasses.
 */
abstract class ClaudeConnectorContract {
  static final String CALLBACK = ClaudeLikeClient.CALLBACK;
  static final String ADMIN = "admin@example.org";
  static final ObjectMapper JSON = new ObjectMapper();

  abstract DropwizardAppExtension<CinatraConfiguration> app();

  abstract Jdbi database();

  /** The real application on the movable clock, fetching documents from loopback too. */
  static DropwizardAppExtension<CinatraConfiguration> extension(String databaseUrl, String user) {
    return new DropwizardAppExtension<>(
        MovableClockApplication.class,
        null,
        ConfigOverride.config("database.url", databaseUrl),
        ConfigOverride.config("database.user", user),
        ConfigOverride.config("server.applicationConnectors[0].port", "0"),
        ConfigOverride.config("server.adminConnectors[0].port", "0"),
        ConfigOverride.config("baseUrl", OAuthFlowContract.BASE_URL),
        ConfigOverride.config("oauth.keyEncryptionKey", OAuthFlowContract.KEK),
        ConfigOverride.config("oauth.clientMetadataDocuments.allowHttpLoopback", "true"));
  }

  static Jdbi accounts(String url, String user, String password) {
    Jdbi jdbi = OAuthFlowContract.createAccount(url, user, password);
    jdbi.useHandle(
        h -> {
          OAuthFlowContract.createAccount(jdbi, ADMIN);
          h.execute("update accounts set role = 'ADMIN' where email = ?", ADMIN);
        });
    return jdbi;
  }

  private DocumentServer documents;

  @BeforeEach
  void start() throws Exception {
    MovableClockApplication.reset();
    documents = new DocumentServer();
  }

  @AfterEach
  void stop() {
    documents.close();
    MovableClockApplication.reset();
  }

  String base() {
    return "http://127.0.0.1:" + app().getLocalPort();
  }

  @Test
  void claudeLikeClient_rootEndpointsOnly_staysConnectedWithoutRefreshing() throws Exception {
    ClaudeLikeClient claude = new ClaudeLikeClient(base(), OAuthFlowContract.RESOURCE);
    claude.discover();
    String clientId = claude.registerTwice();
    HttpResponse<String> consent =
        claude.signIn(claude.openAuthorize(clientId), OAuthFlowContract.EMAIL);
    assertThat(consent.body()).contains("client-self-declared").contains("not verified");
    JsonNode tokens = claude.redeem(clientId, claude.approve(consent));
    assertThat(tokens.get("expires_in").asLong()).isEqualTo(Duration.ofDays(30).toSeconds());
    assertThat(tokens.has("refresh_token")).isTrue();

    claude.initialize();
    assertThat(claude.result("tools/list", "{}").get("tools").toString()).contains("whoami");
    assertThat(claude.whoami()).contains(OAuthFlowContract.EMAIL);

    MovableClockApplication.moveForward(Duration.ofHours(2));
    assertThat(claude.whoami()).contains(OAuthFlowContract.EMAIL);

    System.out.println(
        "Claude-like client (DCR), requests in order:\n  " + String.join("\n  ", claude.log));
    assertThat(claude.log).filteredOn(line -> line.startsWith("POST /register")).hasSize(2);
    assertThat(claude.log)
        .noneMatch(line -> line.contains("/oauth/register"))
        .noneMatch(line -> line.startsWith("POST /oauth/token"));
  }

  @Test
  void claudeLikeClient_withAMetadataDocument_isFetchedOnce_andDisconnectCutsItOff()
      throws Exception {
    String clientId = documents.url("/oauth/mcp-oauth-client-metadata");
    documents.serveDocument(
        "/oauth/mcp-oauth-client-metadata", clientId, CALLBACK, "public, max-age=3600");
    ClaudeLikeClient claude = new ClaudeLikeClient(base(), OAuthFlowContract.RESOURCE);
    claude.discover();
    HttpResponse<String> consent =
        claude.signIn(claude.openAuthorize(clientId), OAuthFlowContract.EMAIL);
    assertThat(consent.body()).contains("id=\"client-host\">— 127.0.0.1</span>");
    assertThat(consent.body()).doesNotContain("client-self-declared");
    claude.redeem(clientId, claude.approve(consent));
    claude.initialize();
    assertThat(claude.whoami()).contains(OAuthFlowContract.EMAIL);
    assertThat(documents.hits("/oauth/mcp-oauth-client-metadata")).isEqualTo(1);
    assertThat(documents.requests.get(0)).endsWith("Accept: application/json");
    System.out.println(
        "Claude-like client (CIMD), requests in order:\n  "
            + String.join("\n  ", claude.log)
            + "\n  document server: "
            + documents.requests);

    // An admin sees the client among connected clients by its URL, and disconnects it.
    ClaudeLikeClient admin = new ClaudeLikeClient(base(), OAuthFlowContract.RESOURCE);
    String adminClient = admin.registerTwice();
    admin.redeem(adminClient, admin.approve(admin.signIn(admin.openAuthorize(adminClient), ADMIN)));
    admin.initialize();
    assertThat(
            admin
                .result("tools/call", "{\"name\":\"mcp_clients_list\",\"arguments\":{}}")
                .toString())
        .contains(clientId);
    JsonNode disconnected =
        admin.result(
            "tools/call",
            "{\"name\":\"mcp_client_disconnect\",\"arguments\":{\"clientId\":\""
                + clientId
                + "\"}}");
    assertThat(disconnected.path("isError").asBoolean(false)).as(disconnected.toString()).isFalse();

    assertThat(claude.rpc("tools/call", "{\"name\":\"whoami\",\"arguments\":{}}").statusCode())
        .isEqualTo(401);
  }

  @Test
  void badMetadataDocuments_areRefusedOnAPage_neverRedirected_andNothingIsStored()
      throws Exception {
    String doc = "/doc";
    Map<String, String> expected = new LinkedHashMap<>();
    documents.serveDocument("/wrong-id", documents.url("/other"), CALLBACK, "max-age=600");
    expected.put(documents.url("/wrong-id"), "client_id must be exactly");
    documents.serveDocument(
        "/no-redirect", documents.url("/no-redirect"), "https://claude.ai/elsewhere", "max-age=60");
    expected.put(documents.url("/no-redirect"), "redirect_uri is not one that this client");
    documents.serve(
        "/big",
        new DocumentServer.Answer(
            200, "application/json", Map.of(), "{\"pad\":\"" + "x".repeat(6000) + "\"}"));
    expected.put(documents.url("/big"), "larger than 5120 bytes");
    documents.serve(
        "/moved",
        new DocumentServer.Answer(302, "text/plain", Map.of("Location", documents.url(doc)), ""));
    expected.put(documents.url("/moved"), "redirects are not followed");
    documents.serve("/html", new DocumentServer.Answer(200, "text/html", Map.of(), "<html>"));
    expected.put(documents.url("/html"), "not application/json");
    documents.serve(
        "/not-json", new DocumentServer.Answer(200, "application/json", Map.of(), "[1,2"));
    expected.put(documents.url("/not-json"), "not a JSON object");
    documents.serve("/broken", new DocumentServer.Answer(500, "text/plain", Map.of(), "oops"));
    expected.put(documents.url("/broken"), "answered HTTP 500");
    documents.serveSlowly(
        "/slow", 6_000, new DocumentServer.Answer(200, "application/json", Map.of(), "{}"));
    expected.put(documents.url("/slow"), "did not answer within 5 seconds");
    expected.put("http://127.0.0.1:1/client.json", "could not be reached");
    expected.put(
        "https://localhost:" + documents.port() + "/client.json", "which is not a public address");
    expected.put("https://client.invalid/client.json", "could not be resolved");
    expected.put("ftp://example.org/client.json", "must use https");
    expected.put("https://example.org/client.json#frag", "must not have a fragment");
    expected.put("https://user:pw@example.org/client.json", "user name or password");
    expected.put("https://example.org", "must have a path");

    for (Map.Entry<String, String> bad : expected.entrySet()) {
      HttpResponse<String> page =
          new ClaudeLikeClient(base(), OAuthFlowContract.RESOURCE).openAuthorize(bad.getKey());
      assertThat(page.statusCode()).as(bad.getKey() + ": " + page.body()).isEqualTo(400);
      assertThat(page.headers().firstValue("Location")).isEmpty();
      assertThat(page.body())
          .as(bad.getKey())
          .contains(bad.getValue())
          .containsPattern("\\((invalid_client|invalid_request)\\)");
    }
    int stored =
        database()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from oauth_clients where id like 'http%' and id <> :ok")
                        .bind("ok", documents.url("/no-redirect"))
                        .mapTo(Integer.class)
                        .one());
    assertThat(stored).isZero();
    assertThat(documents.hits(doc)).isZero(); // the redirect was not followed
  }

  @Test
  void sessions_slideWithUse_andThe201stEndsTheLeastRecentlyUsed() throws Exception {
    ClaudeLikeClient claude = new ClaudeLikeClient(base(), OAuthFlowContract.RESOURCE);
    String clientId = claude.registerTwice();
    JsonNode tokens =
        claude.redeem(
            clientId,
            claude.approve(claude.signIn(claude.openAuthorize(clientId), OAuthFlowContract.EMAIL)));
    claude.initialize();
    String used = claude.session;
    claude.initialize();
    String idle = claude.session;

    MovableClockApplication.moveForward(Duration.ofDays(29));
    claude.session = used;
    claude.whoami();
    claude.session = idle;
    claude.whoami(); // unused for 29 days: still there

    MovableClockApplication.moveForward(Duration.ofDays(29));
    // The access token ran out after 30 days; a refresh (rotated) gives a new one.
    HttpResponse<String> refreshed =
        claude.send(
            "POST",
            "/token",
            "application/x-www-form-urlencoded",
            Browser.encode(
                Map.of(
                    "grant_type",
                    "refresh_token",
                    "client_id",
                    clientId,
                    "refresh_token",
                    tokens.get("refresh_token").asText())));
    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    claude.token = JSON.readTree(refreshed.body()).get("access_token").asText();
    claude.session = used;
    claude.whoami();
    MovableClockApplication.moveForward(Duration.ofDays(2)); // idle: 31 days without use
    claude.session = idle;
    assertThat(claude.rpc("tools/call", "{\"name\":\"whoami\",\"arguments\":{}}").statusCode())
        .isEqualTo(404);

    // The account's limit (200): one more ends the least recently used session, not the new one.
    claude.session = used;
    claude.whoami();
    List<String> opened = new ArrayList<>();
    for (int i = 0; i < 199; i++) {
      claude.session = null;
      claude.initialize();
      opened.add(claude.session);
    }
    MovableClockApplication.moveForward(Duration.ofMinutes(2));
    claude.session = used;
    claude.whoami(); // used is now the most recently used
    claude.session = null;
    claude.initialize(); // the 201st
    String newest = claude.session;

    claude.session = opened.get(0);
    assertThat(claude.rpc("tools/call", "{\"name\":\"whoami\",\"arguments\":{}}").statusCode())
        .isEqualTo(404);
    for (String alive : List.of(used, opened.get(1), newest)) {
      claude.session = alive;
      claude.whoami();
    }
  }
}
