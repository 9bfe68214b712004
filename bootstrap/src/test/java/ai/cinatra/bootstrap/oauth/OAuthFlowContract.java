package ai.cinatra.bootstrap.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.oauth.Argon2PasswordHasher;
import ai.cinatra.adapters.persistence.JdbiSetup;
import ai.cinatra.adapters.persistence.account.JdbiAccountRepository;
import ai.cinatra.application.port.out.AccountRepository;
import ai.cinatra.bootstrap.CinatraApplication;
import ai.cinatra.bootstrap.CinatraConfiguration;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.AccountStatus;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.oauth.Pkce;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The OAuth server as a client and a person meet it, over real HTTP against the real application:
 * registration, sign-in, consent, code, tokens, rotation, and one test per refusal. Run on H2 and
 * on PostgreSQL by the subclasses.
 */
abstract class OAuthFlowContract {
  static final String BASE_URL = "http://localhost:3000";
  static final String RESOURCE = BASE_URL + "/api/mcp";
  static final String EMAIL = "person@example.org";
  static final String PASSWORD = "correct horse battery staple";
  static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String KEK = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=";

  abstract DropwizardAppExtension<CinatraConfiguration> app();

  static DropwizardAppExtension<CinatraConfiguration> extension(String databaseUrl, String user) {
    return app(databaseUrl, user);
  }

  /** The real application on a free port with this database; {@code extra} adds to the defaults. */
  static DropwizardAppExtension<CinatraConfiguration> app(
      String databaseUrl, String user, ConfigOverride... extra) {
    List<ConfigOverride> overrides =
        new ArrayList<>(
            List.of(
                ConfigOverride.config("database.url", databaseUrl),
                ConfigOverride.config("database.user", user),
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("baseUrl", BASE_URL),
                ConfigOverride.config("oauth.keyEncryptionKey", KEK)));
    overrides.addAll(List.of(extra));
    return new DropwizardAppExtension<>(
        CinatraApplication.class, null, overrides.toArray(ConfigOverride[]::new));
  }

  /** The person who signs in; made directly in the database the application uses. */
  static Jdbi createAccount(String databaseUrl, String user, String password) {
    Jdbi jdbi = JdbiSetup.configure(Jdbi.create(databaseUrl, user, password));
    createAccount(jdbi, EMAIL);
    return jdbi;
  }

  static void createAccount(Jdbi jdbi, String email) {
    JdbiAccountRepository accounts = new JdbiAccountRepository(jdbi);
    if (accounts.findByEmail(new Email(email)).isEmpty()) {
      accounts.add(
          Account.create(
              new Email(email),
              Role.MEMBER,
              new Argon2PasswordHasher().hash(PASSWORD),
              Instant.now()));
    }
  }

  /** The application's database, for what no API does yet (disabling an account). */
  abstract Jdbi database();

  String base() {
    return "http://127.0.0.1:" + app().getLocalPort();
  }

  JsonNode register(String redirectUri) throws Exception {
    HttpResponse<String> response =
        new Browser(base())
            .postJson(
                "/oauth/register",
                "{\"client_name\":\"Claude\",\"redirect_uris\":[\""
                    + redirectUri
                    + "\"],\"token_endpoint_auth_method\":\"none\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body());
  }

  static Map<String, String> authorizeParams(String clientId, String redirectUri) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", clientId);
    p.put("redirect_uri", redirectUri);
    p.put("scope", "mcp:connect offline_access made:up");
    p.put("state", "state-123");
    p.put("code_challenge", Pkce.s256(VERIFIER));
    p.put("code_challenge_method", "S256");
    p.put("resource", RESOURCE);
    return p;
  }

  static String authorizeUrl(Map<String, String> params) {
    return "/oauth/authorize?" + Browser.encode(params);
  }

  /** Signs in when asked and approves the consent page; returns the redirect to the client. */
  String signInAndApprove(Browser browser, Map<String, String> params) throws Exception {
    return signInAndApprove(browser, params, EMAIL);
  }

  String signInAndApprove(Browser browser, Map<String, String> params, String email)
      throws Exception {
    HttpResponse<String> first = browser.get(authorizeUrl(params));
    if (first.statusCode() == 303 && Browser.location(first).contains("/sign-in")) {
      HttpResponse<String> form = browser.get(Browser.location(first));
      Map<String, String> fields = Browser.hiddenFields(form.body());
      fields.put("email", email);
      fields.put("password", PASSWORD);
      HttpResponse<String> signedIn = browser.post("/sign-in", fields);
      assertThat(signedIn.statusCode()).isEqualTo(303);
      first = browser.get(Browser.location(signedIn));
    }
    if (first.statusCode() == 303) {
      return Browser.location(first); // consent remembered
    }
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    Map<String, String> consent = Browser.hiddenFields(first.body());
    consent.put("decision", "approve");
    HttpResponse<String> decided = browser.post("/oauth/authorize", consent);
    assertThat(decided.statusCode()).isEqualTo(303);
    return Browser.location(decided);
  }

  HttpResponse<String> token(Map<String, String> form) throws Exception {
    return new Browser(base()).post("/oauth/token", form);
  }

  HttpResponse<String> exchange(String clientId, String code, String redirectUri, String verifier)
      throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("client_id", clientId);
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("code_verifier", verifier);
    return token(form);
  }

  HttpResponse<String> refresh(String clientId, String refreshToken) throws Exception {
    return token(
        Map.of(
            "grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken));
  }

  static void assertOAuthError(HttpResponse<String> response, int status, String error)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo(error);
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
  }

  /** A client registered, and a code for it, with the person signed in. */
  record Authorized(String clientId, String redirectUri, String code, Browser browser) {}

  Authorized authorized() throws Exception {
    return authorized(EMAIL);
  }

  Authorized authorized(String email) throws Exception {
    String redirectUri =
        "http://localhost:" + (20000 + (int) (Math.random() * 20000)) + "/oauth/callback";
    String clientId = register(redirectUri).get("client_id").asText();
    Browser browser = new Browser(base());
    String back = signInAndApprove(browser, authorizeParams(clientId, redirectUri), email);
    return new Authorized(clientId, redirectUri, Browser.query(back).get("code"), browser);
  }

  @Test
  void wholeFlow_fromA401_throughDiscoveryAndRegistration_toTokensThatRotate() throws Exception {
    // A client that knows only the MCP URL: the 401 names the resource metadata...
    HttpResponse<String> challenge = whoami(null);
    String metadataUrl =
        challenge
            .headers()
            .firstValue("WWW-Authenticate")
            .orElseThrow()
            .replaceAll(".*resource_metadata=\"([^\"]+)\".*", "$1");
    String metadataPath = java.net.URI.create(metadataUrl).getPath();
    JsonNode resource = JSON.readTree(new Browser(base()).get(metadataPath).body());
    assertThat(resource.get("resource").asText()).isEqualTo(RESOURCE);
    // ...which names the authorization server, whose metadata names the registration endpoint.
    String issuer = resource.get("authorization_servers").get(0).asText();
    JsonNode server =
        JSON.readTree(new Browser(base()).get("/.well-known/oauth-authorization-server").body());
    assertThat(server.get("issuer").asText()).isEqualTo(issuer);
    assertThat(server.get("registration_endpoint").asText()).isEqualTo(issuer + "/oauth/register");

    String registered = "http://localhost:33418/oauth/callback";
    String clientId = register(registered).get("client_id").asText();
    // RFC 8252: a loopback redirect URI matches on any port.
    String redirectUri = "http://localhost:51234/oauth/callback";
    Browser browser = new Browser(base());

    String back = signInAndApprove(browser, authorizeParams(clientId, redirectUri));

    assertThat(back).startsWith(redirectUri + "?code=");
    // prompt=consent shows the consent page even though this client was approved a moment ago.
    HttpResponse<String> askedAgain =
        browser.get(authorizeUrl(authorizeParams(clientId, redirectUri)) + "&prompt=consent");
    assertThat(askedAgain.statusCode()).isEqualTo(200);
    assertThat(askedAgain.body()).contains("Connect Claude?");
    // Pages redirect relatively, so behind a TLS proxy nobody is sent to the internal address.
    HttpResponse<String> toSignIn =
        new Browser(base()).get(authorizeUrl(authorizeParams(clientId, redirectUri)));
    assertThat(Browser.location(toSignIn)).startsWith("/sign-in?return_to=");
    Map<String, String> answer = Browser.query(back);
    assertThat(answer).containsEntry("state", "state-123").containsEntry("iss", BASE_URL);
    HttpResponse<String> tokens = exchange(clientId, answer.get("code"), redirectUri, VERIFIER);
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    assertThat(tokens.headers().firstValue("Cache-Control")).contains("no-store");
    JsonNode body = JSON.readTree(tokens.body());
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong())
        .isEqualTo(java.time.Duration.ofDays(30).toSeconds());
    assertThat(body.get("scope").asText()).isEqualTo("mcp:connect offline_access");
    assertThat(body.get("access_token").asText().split("\\.")).hasSize(3);

    HttpResponse<String> refreshed = refresh(clientId, body.get("refresh_token").asText());
    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    String next = JSON.readTree(refreshed.body()).get("refresh_token").asText();
    assertThat(next).isNotEqualTo(body.get("refresh_token").asText());
    assertThat(refresh(clientId, next).statusCode()).isEqualTo(200);

    // Consent is remembered: the second authorization goes straight back with a code.
    String again = signInAndApprove(browser, authorizeParams(clientId, redirectUri));
    assertThat(Browser.query(again)).containsKey("code");
  }

  @Test
  void replayedCode_isRefused_andRevokesWhatItBought() throws Exception {
    Authorized a = authorized();
    HttpResponse<String> first = exchange(a.clientId(), a.code(), a.redirectUri(), VERIFIER);
    String refreshToken = JSON.readTree(first.body()).get("refresh_token").asText();

    assertOAuthError(
        exchange(a.clientId(), a.code(), a.redirectUri(), VERIFIER), 400, "invalid_grant");
    assertOAuthError(refresh(a.clientId(), refreshToken), 400, "invalid_grant");
  }

  @Test
  void wrongVerifier_wrongRedirect_otherClient_unknownClient_areRefused() throws Exception {
    Authorized a = authorized();
    assertOAuthError(
        exchange(a.clientId(), a.code(), a.redirectUri(), VERIFIER.replace('d', 'e')),
        400,
        "invalid_grant");

    Authorized b = authorized();
    assertOAuthError(
        exchange(b.clientId(), b.code(), b.redirectUri() + "x", VERIFIER), 400, "invalid_grant");

    Authorized c = authorized();
    String otherClient = register("http://localhost:1/cb").get("client_id").asText();
    assertOAuthError(
        exchange(otherClient, c.code(), c.redirectUri(), VERIFIER), 400, "invalid_grant");

    HttpResponse<String> unknown = exchange("mcp_deleted", c.code(), c.redirectUri(), VERIFIER);
    assertOAuthError(unknown, 401, "invalid_client");
  }

  @Test
  void refreshTokenReuse_revokesTheWholeGrant_butALostResponseMayBeRetried() throws Exception {
    Authorized a = authorized();
    String t0 =
        JSON.readTree(exchange(a.clientId(), a.code(), a.redirectUri(), VERIFIER).body())
            .get("refresh_token")
            .asText();
    // The response to this refresh is "lost": the client retries with t0 and gets a fresh pair.
    refresh(a.clientId(), t0);
    HttpResponse<String> retry = refresh(a.clientId(), t0);
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
    String t1 = JSON.readTree(retry.body()).get("refresh_token").asText();
    String t2 = JSON.readTree(refresh(a.clientId(), t1).body()).get("refresh_token").asText();
    String t3 = JSON.readTree(refresh(a.clientId(), t2).body()).get("refresh_token").asText();

    // t2's successor is in use, so t1 is spent: presenting it means it leaked.
    assertOAuthError(refresh(a.clientId(), t1), 400, "invalid_grant");
    assertOAuthError(refresh(a.clientId(), t3), 400, "invalid_grant");
  }

  @Test
  void aReplacedRefreshToken_mayBeRetriedOnce_aSecondReplayRevokesTheGrant() throws Exception {
    Authorized a = authorized();
    JsonNode first =
        JSON.readTree(exchange(a.clientId(), a.code(), a.redirectUri(), VERIFIER).body());
    String t0 = first.get("refresh_token").asText();
    refresh(a.clientId(), t0); // "lost"
    HttpResponse<String> retry = refresh(a.clientId(), t0);
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
    String retried = JSON.readTree(retry.body()).get("access_token").asText();
    assertToolAnswered(whoami(retried));

    assertOAuthError(refresh(a.clientId(), t0), 400, "invalid_grant");
    assertThat(whoami(retried).statusCode()).as("the grant is revoked").isEqualTo(401);
    assertThat(whoami(first.get("access_token").asText()).statusCode()).isEqualTo(401);
  }

  @Test
  void tenReplaysAtOnce_revokeTheGrant_leavingNoWorkingToken() throws Exception {
    Authorized a = authorized();
    String t0 =
        JSON.readTree(exchange(a.clientId(), a.code(), a.redirectUri(), VERIFIER).body())
            .get("refresh_token")
            .asText();
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        calls.add(() -> refresh(a.clientId(), t0));
      }
      List<String> issued = new ArrayList<>();
      int refused = 0;
      for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
        if (f.get().statusCode() == 200) {
          issued.add(JSON.readTree(f.get().body()).get("access_token").asText());
        } else {
          refused++;
        }
      }
      // One rotation, at most one retry; the third presentation revoked the grant.
      assertThat(issued).hasSizeLessThanOrEqualTo(2);
      assertThat(refused).isGreaterThanOrEqualTo(8);
      for (String token : issued) {
        assertThat(whoami(token).statusCode()).isEqualTo(401);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoRefreshesAtOnce_bothSucceed() throws Exception {
    Authorized a = authorized();
    String t0 =
        JSON.readTree(exchange(a.clientId(), a.code(), a.redirectUri(), VERIFIER).body())
            .get("refresh_token")
            .asText();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<HttpResponse<String>>> calls =
          List.of(() -> refresh(a.clientId(), t0), () -> refresh(a.clientId(), t0));
      List<Integer> statuses = new ArrayList<>();
      for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
        statuses.add(f.get().statusCode());
      }
      assertThat(statuses).containsExactly(200, 200);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void authorizeRefusals_goToThePersonOrBackToTheClientAsTheRfcSays() throws Exception {
    String redirectUri = "http://localhost:4711/cb";
    String clientId = register(redirectUri).get("client_id").asText();
    Browser browser = new Browser(base());

    Map<String, String> unknownClient = authorizeParams("mcp_nobody", redirectUri);
    HttpResponse<String> page = browser.get(authorizeUrl(unknownClient));
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.headers().firstValue("Location")).isEmpty();
    assertThat(page.body()).contains("not registered here");

    Map<String, String> wrongRedirect = authorizeParams(clientId, "https://evil.example/cb");
    HttpResponse<String> notRedirected = browser.get(authorizeUrl(wrongRedirect));
    assertThat(notRedirected.statusCode()).isEqualTo(400);
    assertThat(notRedirected.headers().firstValue("Location")).isEmpty();

    Map<String, String> plain = authorizeParams(clientId, redirectUri);
    plain.put("code_challenge_method", "plain");
    Map<String, String> error = Browser.query(Browser.location(browser.get(authorizeUrl(plain))));
    assertThat(error)
        .containsEntry("error", "invalid_request")
        .containsEntry("state", "state-123")
        .containsEntry("iss", BASE_URL);

    Map<String, String> noChallenge = authorizeParams(clientId, redirectUri);
    noChallenge.remove("code_challenge");
    assertThat(Browser.query(Browser.location(browser.get(authorizeUrl(noChallenge)))))
        .containsEntry("error", "invalid_request");

    Map<String, String> wrongResource = authorizeParams(clientId, redirectUri);
    wrongResource.put("resource", "https://elsewhere.example/api/mcp");
    assertThat(Browser.query(Browser.location(browser.get(authorizeUrl(wrongResource)))))
        .containsEntry("error", "invalid_target");

    Map<String, String> trailingSlash = authorizeParams(clientId, redirectUri);
    trailingSlash.put("resource", RESOURCE + "/");
    assertThat(Browser.location(browser.get(authorizeUrl(trailingSlash)))).contains("/sign-in");
  }

  @Test
  void consentPage_isUnframeable_namesClientAndHost_andDenyReturnsAccessDenied() throws Exception {
    String redirectUri = "http://localhost:4712/cb";
    String clientId = register(redirectUri).get("client_id").asText();
    Browser browser = new Browser(base());
    HttpResponse<String> signIn =
        browser.get(
            Browser.location(browser.get(authorizeUrl(authorizeParams(clientId, redirectUri)))));
    Map<String, String> fields = Browser.hiddenFields(signIn.body());
    fields.put("email", EMAIL);
    fields.put("password", PASSWORD);
    HttpResponse<String> consent = browser.get(Browser.location(browser.post("/sign-in", fields)));

    assertThat(consent.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
    assertThat(consent.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(consent.body())
        .contains("Connect Claude?")
        .contains("localhost")
        .contains("all the rights of this account");

    Map<String, String> forged = Browser.hiddenFields(consent.body());
    forged.put("csrf", "forged");
    forged.put("decision", "approve");
    assertThat(browser.post("/oauth/authorize", forged).statusCode()).isEqualTo(403);

    Map<String, String> deny = Browser.hiddenFields(consent.body());
    deny.put("decision", "deny");
    HttpResponse<String> denied = browser.post("/oauth/authorize", deny);
    assertThat(denied.statusCode()).isEqualTo(303);
    assertThat(Browser.query(Browser.location(denied)))
        .containsEntry("error", "access_denied")
        .containsEntry("state", "state-123")
        .doesNotContainKey("code");
  }

  @Test
  void signIn_withoutItsCsrfCookie_orWithAWrongPassword_isSentBack_andFailuresSlowDown()
      throws Exception {
    Browser stranger = new Browser(base());
    HttpResponse<String> noCookie =
        stranger.post(
            "/sign-in",
            Map.of("email", EMAIL, "password", PASSWORD, "csrf", "x", "return_to", "/"));
    assertThat(Browser.location(noCookie)).contains("error=expired");

    Browser browser = new Browser(base());
    String lastError = "";
    for (int i = 0; i < 7; i++) {
      Map<String, String> fields = Browser.hiddenFields(browser.get("/sign-in?return_to=/").body());
      fields.put("email", "slow-" + EMAIL);
      fields.put("password", "wrong password " + i);
      lastError = Browser.query(Browser.location(browser.post("/sign-in", fields))).get("error");
    }
    assertThat(lastError).isEqualTo("slow");

    Map<String, String> redirectOut =
        Browser.hiddenFields(browser.get("/sign-in?return_to=//evil.example/x").body());
    assertThat(redirectOut).containsEntry("return_to", "/");
  }

  @Test
  void tokenEndpoint_refusesMalformedRequestsWithRfc6749Errors() throws Exception {
    assertOAuthError(token(Map.of("client_id", "mcp_x")), 400, "invalid_request");
    assertOAuthError(
        token(Map.of("grant_type", "password", "client_id", "mcp_x")),
        400,
        "unsupported_grant_type");
    assertOAuthError(token(Map.of("grant_type", "authorization_code")), 401, "invalid_client");
    String clientId = register("http://localhost:5/cb").get("client_id").asText();
    assertOAuthError(
        token(Map.of("grant_type", "authorization_code", "client_id", clientId)),
        400,
        "invalid_grant");
    assertOAuthError(
        token(
            Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token", "nope")),
        400,
        "invalid_grant");
  }

  static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
  static final String WHOAMI =
      "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"whoami\"}}";

  /** Opens an MCP session with this token; the answer's Mcp-Session-Id, or null when refused. */
  String initialize(String bearer) throws Exception {
    HttpResponse<String> response =
        new Browser(base()).postJsonWithBearer("/api/mcp", INITIALIZE, bearer, null);
    return response.headers().firstValue("Mcp-Session-Id").orElse(null);
  }

  HttpResponse<String> mcp(String bearer, String session, String message) throws Exception {
    return new Browser(base()).postJsonWithBearer("/api/mcp", message, bearer, session);
  }

  /** tools/call whoami in a session of its own (when the token is good enough to open one). */
  HttpResponse<String> whoami(String bearer) throws Exception {
    String session = bearer == null ? null : initialize(bearer);
    return mcp(bearer, session, WHOAMI);
  }

  static void assertChallenged(HttpResponse<String> response, String error) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
    assertThat(challenge)
        .startsWith(
            "Bearer resource_metadata=\""
                + BASE_URL
                + "/.well-known/oauth-protected-resource/api/mcp\"")
        .contains("scope=\"mcp:connect offline_access\"");
    if (error == null) {
      assertThat(challenge).doesNotContain("error=");
    } else {
      assertThat(challenge).contains("error=\"" + error + "\"");
    }
  }

  @Test
  void mcpEndpoint_acceptsTheToken_untilItsGrantIsRevoked() throws Exception {
    Authorized a = authorized();
    String accessToken =
        JSON.readTree(exchange(a.clientId(), a.code(), a.redirectUri(), VERIFIER).body())
            .get("access_token")
            .asText();

    HttpResponse<String> ok = whoami(accessToken);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).at("/result/structuredContent/email").asText())
        .isEqualTo(EMAIL);

    // Replaying the code revokes the grant: the unexpired JWT stops working on the next request.
    exchange(a.clientId(), a.code(), a.redirectUri(), VERIFIER);
    assertChallenged(whoami(accessToken), "invalid_token");
  }

  @Test
  void mcpEndpoint_refusesMissingForeignAndUnsignedTokens() throws Exception {
    assertChallenged(whoami(null), null);
    assertChallenged(whoami("not-a-jwt"), "invalid_token");

    org.jose4j.jwk.RsaJsonWebKey foreignKey = org.jose4j.jwk.RsaJwkGenerator.generateJwk(2048);
    foreignKey.setKeyId("foreign");
    org.jose4j.jwt.JwtClaims claims = new org.jose4j.jwt.JwtClaims();
    claims.setIssuer(BASE_URL);
    claims.setAudience(RESOURCE);
    claims.setSubject(java.util.UUID.randomUUID().toString());
    claims.setClaim("client_id", "mcp_x");
    claims.setClaim("grant_id", java.util.UUID.randomUUID().toString());
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(10);
    claims.setGeneratedJwtId();
    org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(foreignKey.getPrivateKey());
    jws.setKeyIdHeaderValue("foreign");
    jws.setHeader("typ", "at+jwt");
    jws.setAlgorithmHeaderValue(org.jose4j.jws.AlgorithmIdentifiers.RSA_USING_SHA256);
    assertChallenged(whoami(jws.getCompactSerialization()), "invalid_token");

    String unsigned =
        java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    "{\"alg\":\"none\",\"typ\":\"at+jwt\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + ".";
    assertChallenged(whoami(unsigned), "invalid_token");
  }

  @Test
  void accountDisabledOnAnotherNode_isRefusedWithinASecond() throws Exception {
    String email = "soon-disabled@example.org";
    createAccount(database(), email);
    Authorized a = authorized(email);
    JsonNode tokens =
        JSON.readTree(exchange(a.clientId(), a.code(), a.redirectUri(), VERIFIER).body());
    String accessToken = tokens.get("access_token").asText();
    assertToolAnswered(whoami(accessToken));

    AccountRepository elsewhere = AnotherNode.accounts(database());
    elsewhere.updateStatus(
        elsewhere.findByEmail(new Email(email)).orElseThrow().id(), AccountStatus.DISABLED);

    AnotherNode.awaitSeen("the disable", () -> whoami(accessToken).statusCode() == 401);
    assertChallenged(whoami(accessToken), "invalid_token");
    assertOAuthError(
        refresh(a.clientId(), tokens.get("refresh_token").asText()), 400, "invalid_grant");
  }

  JsonNode registerConfidential(String redirectUri) throws Exception {
    HttpResponse<String> response =
        new Browser(base())
            .postJson(
                "/oauth/register",
                "{\"client_name\":\"Other\",\"redirect_uris\":[\"" + redirectUri + "\"]}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body());
  }

  @Test
  void revocation_ofARefreshToken_revokesTheGrant_andUnknownTokensAreFine() throws Exception {
    Authorized a = authorized();
    JsonNode tokens =
        JSON.readTree(exchange(a.clientId(), a.code(), a.redirectUri(), VERIFIER).body());

    HttpResponse<String> unknown =
        new Browser(base())
            .post("/oauth/revoke", Map.of("client_id", a.clientId(), "token", "nonsense"));
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertToolAnswered(whoami(tokens.get("access_token").asText()));

    HttpResponse<String> revoked =
        new Browser(base())
            .post(
                "/oauth/revoke",
                Map.of("client_id", a.clientId(), "token", tokens.get("refresh_token").asText()));
    assertThat(revoked.statusCode()).isEqualTo(200);
    assertChallenged(whoami(tokens.get("access_token").asText()), "invalid_token");
    assertOAuthError(
        refresh(a.clientId(), tokens.get("refresh_token").asText()), 400, "invalid_grant");
  }

  @Test
  void introspection_isForConfidentialClients_andOnlyAboutTheirOwnTokens() throws Exception {
    String redirectUri = "http://localhost:4713/cb";
    JsonNode confidential = registerConfidential(redirectUri);
    String clientId = confidential.get("client_id").asText();
    String secret = confidential.get("client_secret").asText();
    Browser browser = new Browser(base());
    String code =
        Browser.query(signInAndApprove(browser, authorizeParams(clientId, redirectUri)))
            .get("code");
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString(
                (clientId + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    HttpResponse<String> exchanged =
        new Browser(base())
            .postWithBasic(
                "/oauth/token",
                Map.of(
                    "grant_type",
                    "authorization_code",
                    "code",
                    code,
                    "redirect_uri",
                    redirectUri,
                    "code_verifier",
                    VERIFIER),
                basic);
    assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
    String accessToken = JSON.readTree(exchanged.body()).get("access_token").asText();

    JsonNode active =
        JSON.readTree(
            new Browser(base())
                .postWithBasic("/oauth/introspect", Map.of("token", accessToken), basic)
                .body());
    assertThat(active.get("active").asBoolean()).isTrue();
    assertThat(active.get("client_id").asText()).isEqualTo(clientId);
    assertThat(active.get("aud").asText()).isEqualTo(RESOURCE);

    Authorized other = authorized();
    String othersToken =
        JSON.readTree(
                exchange(other.clientId(), other.code(), other.redirectUri(), VERIFIER).body())
            .get("access_token")
            .asText();
    JsonNode foreign =
        JSON.readTree(
            new Browser(base())
                .postWithBasic("/oauth/introspect", Map.of("token", othersToken), basic)
                .body());
    assertThat(foreign.toString()).isEqualTo("{\"active\":false}");

    assertOAuthError(
        new Browser(base())
            .post("/oauth/introspect", Map.of("client_id", other.clientId(), "token", othersToken)),
        401,
        "invalid_client");
    assertOAuthError(
        new Browser(base())
            .postWithBasic(
                "/oauth/introspect",
                Map.of("token", accessToken),
                java.util.Base64.getEncoder()
                    .encodeToString(
                        (clientId + ":wrong").getBytes(java.nio.charset.StandardCharsets.UTF_8))),
        401,
        "invalid_client");
  }

  @Test
  void oauthEndpoints_answerWrongContentTypeAndOversizedBodiesWithOAuthErrors() throws Exception {
    assertOAuthError(
        new Browser(base()).postJson("/oauth/token", "{\"grant_type\":\"refresh_token\"}"),
        415,
        "invalid_request");
    HttpResponse<String> huge =
        new Browser(base())
            .post(
                "/oauth/token",
                Map.of("grant_type", "refresh_token", "padding", "x".repeat(70_000)));
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(huge.body()).get("error").asText()).isEqualTo("invalid_request");
    // Without a Content-Length the body is cut off where it crosses the limit.
    HttpResponse<String> chunked =
        new Browser(base())
            .postChunked("/oauth/token", "grant_type=refresh_token&padding=" + "x".repeat(70_000));
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(chunked.body()).get("error").asText()).isEqualTo("invalid_request");
  }

  @Test
  void expiredAndWrongAudienceTokens_signedWithThisServersOwnKey_areRefused() throws Exception {
    Authorized a = authorized();
    String genuine =
        JSON.readTree(exchange(a.clientId(), a.code(), a.redirectUri(), VERIFIER).body())
            .get("access_token")
            .asText();
    JsonNode claims =
        JSON.readTree(java.util.Base64.getUrlDecoder().decode(genuine.split("\\.")[1]));
    // The server's own signing key, opened the way the server opens it.
    ai.cinatra.adapters.oauth.Jose4jAccessTokens serverKey =
        new ai.cinatra.adapters.oauth.Jose4jAccessTokens(
            new ai.cinatra.adapters.persistence.oauth.JdbiSigningKeyRepository(database()),
            new ai.cinatra.adapters.oauth.KeyEncryption(java.util.Base64.getDecoder().decode(KEK)),
            java.time.Clock.systemUTC(),
            java.time.Duration.ofHours(1));
    Instant now = Instant.now();
    java.util.function.BiFunction<String, Instant, String> sign =
        (audience, issuedAt) ->
            serverKey.issue(
                new ai.cinatra.domain.oauth.AccessTokenClaims(
                    BASE_URL,
                    ai.cinatra.domain.account.AccountId.parse(claims.get("sub").asText()),
                    audience,
                    new ai.cinatra.domain.oauth.ClientId(claims.get("client_id").asText()),
                    ai.cinatra.domain.oauth.GrantId.parse(claims.get("grant_id").asText()),
                    java.util.Set.of("mcp:connect"),
                    issuedAt,
                    issuedAt.plusSeconds(3600),
                    java.util.UUID.randomUUID().toString()));

    // The control: the same key and claims, valid now, pass; so the refusals below are about
    // expiry and audience alone.
    assertToolAnswered(whoami(sign.apply(RESOURCE, now)));
    HttpResponse<String> expired = whoami(sign.apply(RESOURCE, now.minusSeconds(7200)));
    assertChallenged(expired, "invalid_token");
    assertThat(expired.body()).contains("expired");
    assertChallenged(whoami(sign.apply("https://elsewhere.example/api/mcp", now)), "invalid_token");
  }

  String accessToken() throws Exception {
    Authorized a = authorized();
    return JSON.readTree(exchange(a.clientId(), a.code(), a.redirectUri(), VERIFIER).body())
        .get("access_token")
        .asText();
  }

  /**
   * A tools/call answered: HTTP 200 (which MCP also uses for failures), a JSON-RPC result and not
   * an error, and a tool result that is not isError. Returns the tool result.
   */
  static JsonNode assertToolAnswered(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.has("error")).as(response.body()).isFalse();
    assertThat(body.at("/result/isError").asBoolean(true)).as(response.body()).isFalse();
    return body.get("result");
  }

  static void assertRpcError(HttpResponse<String> response, int status, int code) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(JSON.readTree(response.body()).at("/error/code").asInt()).isEqualTo(code);
  }

  @Test
  void mcpSessions_areIssuedAtInitialize_requiredAfter_boundToTheAccount_andEndedByDelete()
      throws Exception {
    String token = accessToken();
    HttpResponse<String> init = mcp(token, null, INITIALIZE);
    assertThat(init.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(init.body()).at("/result/protocolVersion").asText())
        .isEqualTo("2025-11-25");
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();

    assertThat(
            mcp(token, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                .statusCode())
        .isEqualTo(202);
    assertThat(
            assertToolAnswered(mcp(token, session, WHOAMI)).at("/structuredContent/email").asText())
        .isEqualTo(EMAIL);
    assertRpcError(mcp(token, null, WHOAMI), 400, -32600);
    assertRpcError(mcp(token, "unknown-session", WHOAMI), 404, -32001);

    // Another account's token with this session id: not this session, and nothing says why.
    String email = "other-session@example.org";
    createAccount(database(), email);
    Authorized other = authorized(email);
    String otherToken =
        JSON.readTree(
                exchange(other.clientId(), other.code(), other.redirectUri(), VERIFIER).body())
            .get("access_token")
            .asText();
    assertRpcError(mcp(otherToken, session, WHOAMI), 404, -32001);
    assertThat(
            new Browser(base())
                .send("/api/mcp", "DELETE", null, otherToken, session, Map.of())
                .statusCode())
        .isEqualTo(404);

    assertThat(
            new Browser(base())
                .send("/api/mcp", "DELETE", null, token, session, Map.of())
                .statusCode())
        .isEqualTo(204);
    assertRpcError(mcp(token, session, WHOAMI), 404, -32001);
  }

  @Test
  void mcpProtocol_answersFaultsWithTheRightJsonRpcErrors() throws Exception {
    String token = accessToken();
    String session = initialize(token);

    assertRpcError(mcp(token, session, "{not json"), 400, -32700);
    assertRpcError(mcp(token, session, "[" + WHOAMI + "]"), 400, -32600);
    assertRpcError(
        mcp(token, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"no/such\"}"), 200, -32601);
    assertRpcError(
        new Browser(base())
            .send(
                "/api/mcp",
                "POST",
                WHOAMI,
                token,
                session,
                Map.of("MCP-Protocol-Version", "1999-01-01")),
        400,
        -32022);
    HttpResponse<String> ping =
        mcp(token, session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}");
    assertThat(JSON.readTree(ping.body()).get("result").toString()).isEqualTo("{}");
    // GET opens a stream only for a client that takes one.
    assertThat(
            new Browser(base())
                .send("/api/mcp", "GET", null, token, session, Map.of("Accept", "application/json"))
                .statusCode())
        .isEqualTo(406);
    HttpResponse<String> unsupported =
        mcp(token, null, INITIALIZE.replace("2025-11-25", "2020-01-01"));
    assertThat(JSON.readTree(unsupported.body()).at("/result/protocolVersion").asText())
        .isEqualTo("2025-11-25");
    HttpResponse<String> older = mcp(token, null, INITIALIZE.replace("2025-11-25", "2025-03-26"));
    assertThat(JSON.readTree(older.body()).at("/result/protocolVersion").asText())
        .isEqualTo("2025-03-26");
  }

  @Test
  void mcpEndpoint_refusesForeignOriginsAndHosts_evenBeforeAuthentication() throws Exception {
    HttpResponse<String> evilOrigin =
        new Browser(base())
            .send(
                "/api/mcp",
                "POST",
                INITIALIZE,
                null,
                null,
                Map.of("Origin", "https://evil.example"));
    assertThat(evilOrigin.statusCode()).isEqualTo(403);
    HttpResponse<String> rebound =
        new Browser(base())
            .send("/api/mcp", "POST", INITIALIZE, null, null, Map.of("Host", "evil.example"));
    assertThat(rebound.statusCode()).isEqualTo(403);

    String token = accessToken();
    HttpResponse<String> localPage =
        new Browser(base())
            .send(
                "/api/mcp",
                "POST",
                INITIALIZE,
                token,
                null,
                Map.of("Origin", "http://localhost:6274"));
    assertThat(localPage.statusCode()).isEqualTo(200);
    HttpResponse<String> ownOrigin =
        new Browser(base())
            .send("/api/mcp", "POST", INITIALIZE, token, null, Map.of("Origin", BASE_URL));
    assertThat(ownOrigin.statusCode()).isEqualTo(200);
  }

  @Test
  void rootEndpoints_answerAsTheOAuthOnes_withTheSameLimits() throws Exception {
    Browser client = new Browser(base());
    HttpResponse<String> registered =
        client.postJson(
            "/register",
            "{\"client_name\":\"Claude\",\"redirect_uris\":[\"https://claude.ai/api/mcp/auth_callback\"],"
                + "\"token_endpoint_auth_method\":\"none\"}");
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String clientId = JSON.readTree(registered.body()).get("client_id").asText();

    assertOAuthError(
        client.post("/token", Map.of("grant_type", "password", "client_id", clientId)),
        400,
        "unsupported_grant_type");
    assertOAuthError(
        client.post("/token", Map.of("grant_type", "refresh_token", "client_id", "mcp_nobody")),
        401,
        "invalid_client");
    HttpResponse<String> huge =
        client.postJsonRefusedBySize(
            "/register", "{\"client_name\":\"" + "x".repeat(70_000) + "\"}");
    assertThat(huge.statusCode()).isEqualTo(413);

    Map<String, String> params =
        authorizeParams(clientId, "https://claude.ai/api/mcp/auth_callback");
    HttpResponse<String> root = new Browser(base()).get("/authorize?" + Browser.encode(params));
    assertThat(root.statusCode()).isEqualTo(303);
    assertThat(Browser.location(root)).contains("/sign-in");
    HttpResponse<String> wrongRedirect =
        new Browser(base())
            .get(
                "/authorize?"
                    + Browser.encode(authorizeParams(clientId, "https://evil.example/callback")));
    assertThat(wrongRedirect.statusCode()).isEqualTo(400);
  }

  @Test
  void metadataDocumentClients_onLoopback_areRefused_whenTheSwitchIsOff() throws Exception {
    for (String clientId :
        List.of(
            "http://127.0.0.1:9/client.json", // plain http: only with the test switch on
            "https://localhost:9/client.json", // resolves to loopback: not a public address
            "https://127.0.0.1:9/client.json",
            "https://[::1]:9/client.json")) {
      HttpResponse<String> page =
          new Browser(base())
              .get(
                  authorizeUrl(
                      authorizeParams(clientId, "https://claude.ai/api/mcp/auth_callback")));
      assertThat(page.statusCode()).as(clientId).isEqualTo(400);
      assertThat(page.body())
          .as(clientId)
          .containsPattern("must use https|is not a public address");
      assertOAuthError(
          token(
              Map.of(
                  "grant_type", "authorization_code",
                  "client_id", clientId,
                  "code", "x",
                  "redirect_uri", "https://claude.ai/api/mcp/auth_callback",
                  "code_verifier", VERIFIER)),
          clientId.startsWith("http:") ? 400 : 401,
          clientId.startsWith("http:") ? "invalid_request" : "invalid_client");
    }
  }

  @Test
  void malformedBasicCredentials_areInvalidClient_neverA500() throws Exception {
    // curl -u '%:x': the form-encoded id has a lone %, which URL-decoding refuses.
    String percent = java.util.Base64.getEncoder().encodeToString("%:x".getBytes());
    for (String path : List.of("/oauth/token", "/token", "/oauth/revoke")) {
      assertOAuthError(
          new Browser(base())
              .postWithBasic(path, Map.of("grant_type", "refresh_token", "token", "t"), percent),
          401,
          "invalid_client");
    }
  }

  @Test
  void controlCharacters_areRefusedAtTheEdge_withEachEndpointsOwnError() throws Exception {
    HttpResponse<String> registered =
        new Browser(base())
            .postJson(
                "/oauth/register",
                "{\"client_name\":\"Claude\\u0000\",\"redirect_uris\":[\"http://localhost/cb\"],"
                    + "\"token_endpoint_auth_method\":\"none\"}");
    assertOAuthError(registered, 400, "invalid_client_metadata");
    assertThat(registered.body()).contains("U+0000");
    assertOAuthError(
        token(Map.of("grant_type", "refresh_token", "refresh_token", "a\u0000b")),
        400,
        "invalid_request");

    String token = accessToken();
    HttpResponse<String> initialized = RawMcpClient.initialize(base(), token);
    String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
    for (String arguments : List.of("{\"name\":\"a\\u0000b\"}", "{\"name\":\"bell\\u0007\"}")) {
      HttpResponse<String> refused =
          new Browser(base())
              .postJsonWithBearer(
                  "/api/mcp",
                  "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":"
                      + "{\"name\":\"lists_create\",\"arguments\":"
                      + arguments
                      + "}}",
                  token,
                  session);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(JSON.readTree(refused.body()).at("/error/code").asInt()).isEqualTo(-32600);
      assertThat(refused.body()).contains("control character");
    }
    HttpResponse<String> tabsAreFine =
        new Browser(base())
            .postJsonWithBearer(
                "/api/mcp",
                "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":"
                    + "{\"name\":\"whoami\",\"arguments\":{},\"_meta\":{\"n\":\"a\\tb\"}}}",
                token,
                session);
    assertThat(tabsAreFine.statusCode()).as(tabsAreFine.body()).isEqualTo(200);
  }
}
