package ai.cinatra.bootstrap.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.http.mcp.jsonrpc.JsonRpc;
import ai.cinatra.adapters.oauth.Argon2PasswordHasher;
import ai.cinatra.adapters.persistence.JdbiSetup;
import ai.cinatra.adapters.persistence.mcp.JdbiMcpMessageRepository;
import ai.cinatra.adapters.persistence.mcp.JdbiMcpSessionRepository;
import ai.cinatra.application.port.out.CatalogCatchUp;
import ai.cinatra.application.service.AccountService;
import ai.cinatra.application.service.McpStreamService;
import ai.cinatra.bootstrap.CinatraConfiguration;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The MCP endpoint at the wire, one test per numbered point of its contract and each refusal: raw
 * HTTP against the real application with the conformance fixtures on (they exercise streams and
 * client requests), on H2 and on PostgreSQL by the subclasses.
 */
abstract class McpEndpointContract {
  static final String BASE_URL = "http://localhost:3000";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String BOTH = "application/json, text/event-stream";
  static final Duration WAIT = Duration.ofSeconds(10);

  abstract DropwizardAppExtension<CinatraConfiguration> app();

  abstract Jdbi database();

  static DropwizardAppExtension<CinatraConfiguration> extension(String databaseUrl, String user) {
    return OAuthFlowContract.app(
        databaseUrl,
        user,
        ConfigOverride.config("mcp.testFixtures", "true"),
        ConfigOverride.config("mcp.toolsPageSize", "5"),
        ConfigOverride.config("mcp.maxSessionsPerAccount", "3"),
        ConfigOverride.config("mcp.maxStringLength", "1024"),
        ConfigOverride.config("mcp.streamPollInterval", "50ms"));
  }

  String base() {
    return "http://127.0.0.1:" + app().getLocalPort();
  }

  /** A fresh account and an access token for it, through the real OAuth flow. */
  String tokenFor(String email) throws Exception {
    return tokenFor(base(), database(), email);
  }

  static String tokenFor(String base, Jdbi database, String email) throws Exception {
    return tokenFor(base, database, email, OAuthFlowContract.RESOURCE);
  }

  /**
   * A token for the MCP resource {@code resource} (the server's configured base URL + /api/mcp).
   */
  static String tokenFor(String base, Jdbi database, String email, String resource)
      throws Exception {
    return tokenFor(base, database, email, resource, "Claude");
  }

  /** A token for the account through a newly registered client named {@code clientName}. */
  static String tokenFor(
      String base, Jdbi database, String email, String resource, String clientName)
      throws Exception {
    OAuthFlowContract.createAccount(database, email);
    String redirectUri = "http://localhost:40123/oauth/callback";
    Browser browser = new Browser(base);
    HttpResponse<String> registered =
        browser.postJson(
            "/oauth/register",
            "{\"client_name\":"
                + JSON.writeValueAsString(clientName)
                + ",\"redirect_uris\":[\""
                + redirectUri
                + "\"],\"token_endpoint_auth_method\":\"none\"}");
    String clientId = JSON.readTree(registered.body()).get("client_id").asText();
    HttpResponse<String> first =
        browser.get(
            OAuthFlowContract.authorizeUrl(authorizeParams(clientId, redirectUri, resource)));
    Map<String, String> fields = Browser.hiddenFields(browser.get(Browser.location(first)).body());
    fields.put("email", email);
    fields.put("password", OAuthFlowContract.PASSWORD);
    HttpResponse<String> consentPage =
        browser.get(Browser.location(browser.post("/sign-in", fields)));
    Map<String, String> consent = Browser.hiddenFields(consentPage.body());
    consent.put("decision", "approve");
    String back = Browser.location(browser.post("/oauth/authorize", consent));
    Map<String, String> form = new HashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("client_id", clientId);
    form.put("code", Browser.query(back).get("code"));
    form.put("redirect_uri", redirectUri);
    form.put("code_verifier", OAuthFlowContract.VERIFIER);
    return JSON.readTree(browser.post("/oauth/token", form).body()).get("access_token").asText();
  }

  private static Map<String, String> authorizeParams(
      String clientId, String redirectUri, String resource) {
    Map<String, String> params = OAuthFlowContract.authorizeParams(clientId, redirectUri);
    params.put("resource", resource);
    return params;
  }

  String token() throws Exception {
    return tokenFor("mcp-" + UUID.randomUUID() + "@example.org");
  }

  HttpResponse<String> post(String token, String session, String accept, String body)
      throws Exception {
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", "application/json");
    if (accept != null) {
      headers.put("Accept", accept);
    }
    return new Browser(base()).send("/api/mcp", "POST", body, token, session, headers);
  }

  HttpResponse<String> initializeResponse(String token, String capabilities) throws Exception {
    return post(
        token,
        null,
        BOTH,
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":"
            + capabilities
            + ",\"clientInfo\":{\"name\":\"curl\",\"version\":\"1\"}}}");
  }

  String initialize(String token, String capabilities) throws Exception {
    HttpResponse<String> response = initializeResponse(token, capabilities);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.headers().firstValue("Mcp-Session-Id").orElseThrow();
  }

  static String call(int id, String tool, String arguments) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
        + tool
        + "\""
        + (arguments == null ? "" : ",\"arguments\":" + arguments)
        + "}}";
  }

  SseReader stream(String token, String session, String method, String body, String lastEventId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + "/api/mcp"))
            .header("Authorization", "Bearer " + token)
            .header("Mcp-Session-Id", session)
            .header("Accept", method.equals("GET") ? "text/event-stream" : BOTH)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return new SseReader(request.build());
  }

  static void assertRpcError(HttpResponse<String> response, int status, int code) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(JSON.readTree(response.body()).at("/error/code").asInt())
        .as(response.body())
        .isEqualTo(code);
  }

  // 1. One message per POST; JSON or a stream as Accept and the tool allow; 202 for the rest.
  @Test
  void batches_areAnswered_onA20250326Session_andRefusedOnLaterOnes() throws Exception {
    String token = token();
    HttpResponse<String> opened =
        post(
            token,
            null,
            BOTH,
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-03-26\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"old\",\"version\":\"1\"}}}");
    String old = opened.headers().firstValue("Mcp-Session-Id").orElseThrow();
    String batch =
        "["
            + "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/list\"},"
            + call(2, "whoami", "{}")
            + ",{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
            + "{\"jsonrpc\":\"1.0\",\"id\":3,\"method\":\"ping\"},"
            + "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"initialize\",\"params\":{}}"
            + "]";
    HttpResponse<String> answered = post(token, old, "application/json", batch);
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    JsonNode answers = JSON.readTree(answered.body());
    assertThat(answers.isArray()).isTrue();
    assertThat(answers).hasSize(4);
    assertThat(answers.get(0).get("id").asText()).isEqualTo("a");
    assertThat(answers.get(0).at("/result/tools").isArray()).isTrue();
    assertThat(answers.get(1).at("/result/isError").asBoolean(false)).isFalse();
    assertThat(answers.get(2).at("/error/code").asInt()).isEqualTo(-32600);
    assertThat(answers.get(3).at("/error/message").asText()).contains("may not be part of a batch");

    HttpResponse<String> onlyNotifications =
        post(
            token,
            old,
            "application/json",
            "[{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}]");
    assertThat(onlyNotifications.statusCode()).isEqualTo(202);
    String tooMany =
        "[" + String.join(",", java.util.Collections.nCopies(33, call(9, "whoami", "{}"))) + "]";
    HttpResponse<String> refused = post(token, old, "application/json", tooMany);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("1 to 32 messages");
    assertThat(post(token, old, "application/json", "[]").statusCode()).isEqualTo(400);

    String current = initialize(token, "{}");
    HttpResponse<String> later = post(token, current, "application/json", batch);
    assertThat(later.statusCode()).isEqualTo(400);
    assertThat(later.body()).contains("not supported in revision 2025-11-25");
  }

  @Test
  void post_answersWithJsonOrAStream_asAcceptAndTheToolAllow() throws Exception {
    String token = token();
    String session = initialize(token, "{}");

    HttpResponse<String> plain = post(token, session, BOTH, call(1, "whoami", null));
    assertThat(plain.headers().firstValue("Content-Type").orElseThrow()).contains("json");
    assertThat(JSON.readTree(plain.body()).at("/result/isError").asBoolean()).isFalse();

    String withProgress =
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
            + "\"test_tool_with_progress\",\"_meta\":{\"progressToken\":\"p-1\"}}}";
    try (SseReader sse = stream(token, session, "POST", withProgress, null)) {
      assertThat(sse.response().headers().firstValue("Content-Type").orElseThrow())
          .startsWith("text/event-stream");
      SseReader.Event priming = sse.next(WAIT);
      assertThat(priming.data()).isEmpty();
      assertThat(priming.retry()).isEqualTo("1000");
      List<Double> progress = new ArrayList<>();
      SseReader.Event event;
      while ((event = sse.next(WAIT)) != null) {
        JsonNode message = JSON.readTree(event.data());
        assertThat(event.id()).startsWith(priming.id().substring(0, priming.id().indexOf('.')));
        if ("notifications/progress".equals(message.path("method").asText())) {
          assertThat(message.at("/params/progressToken").asText()).isEqualTo("p-1");
          progress.add(message.at("/params/progress").asDouble());
        } else {
          assertThat(message.get("id").asInt()).isEqualTo(2);
          assertThat(message.at("/result/content/0/text").asText()).isEqualTo("Progress reported");
        }
      }
      assertThat(progress).containsExactly(0.0, 50.0, 100.0);
    }
    HttpResponse<String> jsonOnly =
        post(token, session, "application/json", call(3, "test_tool_with_progress", "{}"));
    assertThat(jsonOnly.headers().firstValue("Content-Type").orElseThrow()).contains("json");
    assertThat(JSON.readTree(jsonOnly.body()).at("/result/content/0/text").asText())
        .isEqualTo("Progress reported");

    HttpResponse<String> notification =
        post(
            token, session, BOTH, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    assertThat(notification.statusCode()).isEqualTo(202);
    assertThat(notification.body()).isEmpty();
    HttpResponse<String> strayResponse =
        post(token, session, BOTH, "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":{}}");
    assertThat(strayResponse.statusCode()).isEqualTo(202);
  }

  // 1, 2. Each protocol fault gets its JSON-RPC code.
  @Test
  void faults_getTheirJsonRpcErrors() throws Exception {
    String token = token();
    String session = initialize(token, "{}");

    assertRpcError(post(token, session, BOTH, "{nope"), 400, -32700);
    assertRpcError(post(token, session, BOTH, "[" + call(1, "whoami", null) + "]"), 400, -32600);
    assertRpcError(
        post(token, session, BOTH, "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}"),
        400,
        -32600);
    assertRpcError(
        post(token, session, BOTH, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}"), 400, -32600);
    assertRpcError(
        post(token, session, BOTH, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"no/such\"}"),
        200,
        -32601);
    assertRpcError(
        post(
            token,
            session,
            BOTH,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":3}"),
        200,
        -32602);
    assertRpcError(
        post(
            token,
            session,
            BOTH,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"loud\"}}"),
        200,
        -32602);
    assertRpcError(post(token, session, BOTH, call(1, "no_such_tool", "{}")), 200, -32602);
    assertRpcError(post(token, session, BOTH, call(1, "whoami", "[1]")), 200, -32602);
    assertRpcError(
        post(
            token,
            session,
            BOTH,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":\"bogus\"}}"),
        200,
        -32602);
    HttpResponse<String> ping =
        post(token, session, BOTH, "{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"ping\"}");
    assertThat(ping.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"result\":{}}");
  }

  // 6. Pages, schemas, annotations; arguments checked against the schema before the tool runs.
  @Test
  void tools_comeInPages_withSchemas_andArgumentsAreValidatedFirst() throws Exception {
    String token = token();
    String session = initialize(token, "{}");
    List<String> names = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          JSON.readTree(
                  post(
                          token,
                          session,
                          BOTH,
                          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":"
                              + (cursor == null ? "{}" : "{\"cursor\":\"" + cursor + "\"}")
                              + "}")
                      .body())
              .get("result");
      assertThat(page.get("tools").size()).isLessThanOrEqualTo(5);
      page.get("tools").forEach(t -> names.add(t.get("name").asText()));
      for (JsonNode tool : page.get("tools")) {
        if (tool.get("name").asText().equals("whoami")) {
          assertThat(tool.at("/outputSchema/required").toString()).contains("role");
          assertThat(tool.at("/annotations/readOnlyHint").asBoolean()).isTrue();
          assertThat(tool.at("/annotations/destructiveHint").asBoolean()).isFalse();
          assertThat(tool.at("/annotations/idempotentHint").asBoolean()).isTrue();
        }
      }
      cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
      pages++;
    } while (cursor != null);
    // The product's tools and the fixture pack's (both revisions' conformance tools), 5 a page.
    assertThat(names).doesNotHaveDuplicates().hasSize(45).contains("whoami", "test_sampling");
    assertThat(pages).isEqualTo(9);

    JsonNode refused =
        JSON.readTree(
            post(token, session, "application/json", call(2, "test_sampling", "{\"prompt\":5}"))
                .body());
    assertThat(refused.at("/result/isError").asBoolean()).isTrue();
    assertThat(refused.at("/result/content/0/text").asText())
        .startsWith("invalid arguments for test_sampling")
        .contains("string");
    JsonNode extra =
        JSON.readTree(post(token, session, BOTH, call(3, "whoami", "{\"x\":1}")).body());
    assertThat(extra.at("/result/content/0/text").asText()).contains("'x'");
  }

  // 4. The standalone stream: tools/list_changed when the role changes, resumable by event id.
  @Test
  void getStream_tellsOfARoleChange_andResumesFromLastEventId() throws Exception {
    String email = "stream-" + UUID.randomUUID() + "@example.org";
    String token = tokenFor(email);
    String session = initialize(token, "{}");
    // Another node, or the command line, changes the role: it shares only the database.
    AccountService elsewhere = accountsOnAnotherNode();

    SseReader.Event changed;
    try (SseReader sse = stream(token, session, "GET", null, null)) {
      assertThat(sse.response().statusCode()).isEqualTo(200);
      assertThat(sse.next(WAIT).data()).isEmpty(); // priming: an id to resume from
      elsewhere.changeRole(new Email(email), Role.VIEWER);
      changed = sse.nextContaining("notifications/tools/list_changed", WAIT);
      assertThat(changed).isNotNull();
      assertThat(changed.id()).startsWith("g.");
    }
    AnotherNode.awaitSeen(
        "the demotion",
        () ->
            JSON.readTree(post(token, session, BOTH, call(1, "whoami", null)).body())
                .at("/result/structuredContent/role")
                .asText()
                .equals("viewer"));

    elsewhere.changeRole(new Email(email), Role.ADMIN); // while no stream is open
    try (SseReader resumed = stream(token, session, "GET", null, changed.id())) {
      SseReader.Event missed = resumed.nextContaining("notifications/tools/list_changed", WAIT);
      assertThat(missed).isNotNull();
      assertThat(Long.parseLong(missed.id().substring(2)))
          .isGreaterThan(Long.parseLong(changed.id().substring(2)));
    }

    Browser browser = new Browser(base());
    assertThat(
            browser
                .send("/api/mcp", "GET", null, token, session, Map.of("Accept", "application/json"))
                .statusCode())
        .isEqualTo(406);
    assertRpcError(
        browser.send(
            "/api/mcp",
            "GET",
            null,
            token,
            session,
            Map.of("Accept", "text/event-stream", "Last-Event-ID", "../etc")),
        400,
        -32600);
    assertThat(
            browser
                .send("/api/mcp", "GET", null, token, null, Map.of("Accept", "text/event-stream"))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            browser
                .send("/api/mcp", "GET", null, token, "nope", Map.of("Accept", "text/event-stream"))
                .statusCode())
        .isEqualTo(404);
  }

  // 2, 4. DELETE ends the session and, with it, the session's open stream.
  @Test
  void deletingTheSession_endsItsOpenStream() throws Exception {
    String token = token();
    String session = initialize(token, "{}");
    try (SseReader sse = stream(token, session, "GET", null, null)) {
      assertThat(sse.next(WAIT).data()).isEmpty();
      assertThat(
              new Browser(base())
                  .send("/api/mcp", "DELETE", null, token, session, Map.of())
                  .statusCode())
          .isEqualTo(204);
      long start = System.nanoTime();
      assertThat(sse.next(WAIT)).isNull();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
    assertRpcError(post(token, session, BOTH, call(1, "whoami", null)), 404, -32001);
  }

  // 7. Streams per session are bounded too: a fifth closes the oldest.
  @Test
  void aSession_holdsAtMostFourOpenStreams_aNewOneClosingTheOldest() throws Exception {
    String email = "streams-" + UUID.randomUUID() + "@example.org";
    String token = tokenFor(email);
    String session = initialize(token, "{}");
    List<SseReader> streams = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        SseReader sse = stream(token, session, "GET", null, null);
        streams.add(sse);
        assertThat(sse.next(WAIT).data()).isEmpty();
      }
      long start = System.nanoTime();
      assertThat(streams.get(0).next(WAIT)).isNull();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      accountsOnAnotherNode().changeRole(new Email(email), Role.VIEWER);
      for (SseReader open : streams.subList(1, 5)) {
        assertThat(open.nextContaining("tools/list_changed", WAIT)).isNotNull();
      }
    } finally {
      streams.forEach(SseReader::close);
    }
  }

  // 4. A tool asks the client (elicitation) on its stream; the answer, POSTed, reaches it.
  @Test
  void aToolsRequest_reachesTheClient_andTheClientsAnswerReachesTheTool() throws Exception {
    String token = token();
    String session = initialize(token, "{\"elicitation\":{}}");
    try (SseReader sse =
        stream(
            token, session, "POST", call(5, "test_elicitation", "{\"message\":\"Who?\"}"), null)) {
      SseReader.Event asked = sse.nextContaining("elicitation/create", WAIT);
      JsonNode request = JSON.readTree(asked.data());
      assertThat(request.at("/params/message").asText()).isEqualTo("Who?");
      HttpResponse<String> answered =
          post(
              token,
              session,
              BOTH,
              "{\"jsonrpc\":\"2.0\",\"id\":\""
                  + request.get("id").asText()
                  + "\",\"result\":{\"action\":\"accept\",\"content\":{\"username\":\"ada\","
                  + "\"email\":\"ada@example.org\"}}}");
      assertThat(answered.statusCode()).isEqualTo(202);
      JsonNode result = JSON.readTree(sse.nextContaining("\"id\":5", WAIT).data());
      assertThat(result.at("/result/content/0/text").asText())
          .isEqualTo(
              "User response: action=accept, content={\"username\":\"ada\",\"email\":\"ada@example.org\"}");
    }

    String noElicitation = initialize(token, "{}");
    JsonNode refused =
        JSON.readTree(
            post(
                    token,
                    noElicitation,
                    "application/json",
                    call(6, "test_elicitation", "{\"message\":\"x\"}"))
                .body());
    assertThat(refused.at("/result/isError").asBoolean()).isTrue();
  }

  // 7. Every bound gives a clear error, never a crash.
  @Test
  void limits_areEnforced_withClearErrors() throws Exception {
    String token = token();
    String session = initialize(token, "{}");

    JsonNode longString =
        JSON.readTree(
            post(
                    token,
                    session,
                    BOTH,
                    call(1, "test_sampling", "{\"prompt\":\"" + "x".repeat(2000) + "\"}"))
                .body());
    assertThat(longString.at("/error/message").asText()).contains("longer than 1024 characters");
    JsonNode deep =
        JSON.readTree(
            post(token, session, BOTH, call(1, "whoami", "[".repeat(100) + "]".repeat(100)))
                .body());
    assertThat(deep.at("/error/message").asText()).contains("deeper than 64");
    HttpResponse<String> huge =
        post(
            token,
            session,
            BOTH,
            call(1, "whoami", "{\"a\":\"" + "y".repeat(1100) + "\"}").repeat(1000));
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(huge.body()).at("/error/message").asText()).contains("larger than");
    // Without a Content-Length (chunked) the body is read up to one byte past the limit, no more.
    byte[] chunkedBody =
        call(1, "whoami", "{\"a\":\"" + "y".repeat(1100) + "\"}")
            .repeat(1000)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> chunked =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/api/mcp"))
                    .header("Authorization", "Bearer " + token)
                    .header("Mcp-Session-Id", session)
                    .header("Content-Type", "application/json")
                    .header("Accept", BOTH)
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(chunkedBody)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
    // Methods the endpoint does not have are refused with the ones it has.
    HttpResponse<String> put =
        new Browser(base()).send("/api/mcp", "PUT", "{}", token, session, Map.of());
    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(put.headers().firstValue("Allow")).contains("GET, POST, DELETE, OPTIONS");

    // The account's limit (3 here): one more ends its least recently used session, never refuses
    // the new one (which session is least recently used is the service test's to pin down).
    List<String> sessions =
        new ArrayList<>(List.of(session, initialize(token, "{}"), initialize(token, "{}")));
    HttpResponse<String> fourth = initializeResponse(token, "{}");
    assertThat(fourth.statusCode()).as(fourth.body()).isEqualTo(200);
    String newest = fourth.headers().firstValue("Mcp-Session-Id").orElseThrow();
    OAuthFlowContract.assertToolAnswered(post(token, newest, BOTH, call(1, "whoami", "{}")));
    List<Integer> statuses = new ArrayList<>();
    for (String s : sessions) {
      HttpResponse<String> answer = post(token, s, BOTH, call(1, "whoami", "{}"));
      statuses.add(answer.statusCode());
      if (answer.statusCode() == 200) {
        OAuthFlowContract.assertToolAnswered(answer);
      } else {
        OAuthFlowContract.assertRpcError(answer, 404, JsonRpc.SESSION_NOT_FOUND);
      }
    }
    assertThat(statuses).containsOnly(200, 404).filteredOn(st -> st == 404).hasSize(1);
  }

  private AccountService accountsOnAnotherNode() {
    Jdbi jdbi = JdbiSetup.configure(database());
    Clock clock = Clock.systemUTC();
    McpStreamService streams =
        new McpStreamService(
            new JdbiMcpMessageRepository(jdbi),
            new JdbiMcpSessionRepository(jdbi),
            clock,
            JsonRpc.TOOLS_LIST_CHANGED,
            CatalogCatchUp.NONE);
    return new AccountService(
        AnotherNode.accounts(jdbi),
        new Argon2PasswordHasher(),
        clock,
        streams::announceToolsChanged);
  }
}
