package ai.cinatra.bootstrap.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.domain.oauth.Pkce;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client that behaves as claude.ai's connector backend is publicly reported to behave
 * (anthropics/claude-ai-mcp #82, #341, #481, #247, #702, #840): it reads the authorization server
 * metadata at the origin root and then uses only the root endpoints, registers twice per attempt
 * (or names itself by a metadata document URL), captures the redirect to
 * https://claude.ai/api/mcp/auth_callback without following it, never asks for offline_access,
 * never refreshes, and never initializes again after a 404. A person's browser signs in and
 * approves on its behalf. It keeps a log of every request it made, in order.
 */
final class ClaudeLikeClient {
  static final String CALLBACK = "https://claude.ai/api/mcp/auth_callback";
  static final String VERIFIER = "claude-verifier-0123456789-abcdefghijklmnopqrstuvwxyz";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every request the client made, in order, with the answer's status. */
  final List<String> log = new ArrayList<>();

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;
  private final String resource;
  private final Browser person;
  String token;
  String session;
  private int id;

  HttpResponse<String> send(String method, String path, String contentType, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (path.startsWith("/api/mcp")) {
      request.header("Accept", "application/json, text/event-stream");
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      if (session != null) {
        request.header("Mcp-Session-Id", session);
      }
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    log.add(method + " " + path.replaceAll("\\?.*", "?…") + " → " + response.statusCode());
    return response;
  }

  HttpResponse<String> rpc(String method, String params) throws Exception {
    return send(
        "POST",
        "/api/mcp",
        "application/json",
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + ++id
            + ",\"method\":\""
            + method
            + "\",\"params\":"
            + params
            + "}");
  }

  JsonNode result(String method, String params) throws Exception {
    HttpResponse<String> response = rpc(method, params);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode result = JSON.readTree(response.body()).get("result");
    assertThat(result).as(response.body()).isNotNull();
    return result;
  }

  /** What claude.ai does before it sends a person anywhere. */
  void discover() throws Exception {
    HttpResponse<String> challenge =
        send("POST", "/api/mcp", "application/json", OAuthFlowContract.INITIALIZE);
    assertThat(challenge.statusCode()).isEqualTo(401);
    assertThat(challenge.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("resource_metadata=");
    assertThat(
            send("GET", "/.well-known/oauth-protected-resource/api/mcp", null, null).statusCode())
        .isEqualTo(200);
    HttpResponse<String> metadata =
        send("GET", "/.well-known/oauth-authorization-server", null, null);
    JsonNode as = JSON.readTree(metadata.body());
    assertThat(as.get("client_id_metadata_document_supported").asBoolean()).isTrue();
    assertThat(as.get("token_endpoint_auth_methods_supported").toString()).contains("\"none\"");
  }

  /** Two registrations per attempt at the root, as claude.ai is seen to make; the last counts. */
  String registerTwice() throws Exception {
    String clientId = null;
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> registered =
          send(
              "POST",
              "/register",
              "application/json",
              "{\"client_name\":\"Claude\",\"redirect_uris\":[\""
                  + CALLBACK
                  + "\"],\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                  + "\"response_types\":[\"code\"],\"token_endpoint_auth_method\":\"none\"}");
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
      clientId = JSON.readTree(registered.body()).get("client_id").asText();
    }
    return clientId;
  }

  Map<String, String> authorizeParams(String clientId) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", clientId);
    p.put("redirect_uri", CALLBACK);
    p.put("scope", "mcp:connect"); // never offline_access (#840)
    p.put("state", "claude-state");
    p.put("code_challenge", Pkce.s256(VERIFIER));
    p.put("code_challenge_method", "S256");
    p.put("resource", resource);
    return p;
  }

  /** The person's browser at the root /authorize: sign-in, the consent page, approval. */
  HttpResponse<String> openAuthorize(String clientId) throws Exception {
    HttpResponse<String> first =
        person.get("/authorize?" + Browser.encode(authorizeParams(clientId)));
    log.add("GET /authorize?… (browser) → " + first.statusCode());
    return first;
  }

  /** Signs in and returns the consent page (or the redirect, when consent is remembered). */
  HttpResponse<String> signIn(HttpResponse<String> first, String email) throws Exception {
    assertThat(first.statusCode()).as(first.body()).isEqualTo(303);
    assertThat(Browser.location(first)).contains("/sign-in");
    HttpResponse<String> form = person.get(Browser.location(first));
    Map<String, String> fields = Browser.hiddenFields(form.body());
    fields.put("email", email);
    fields.put("password", OAuthFlowContract.PASSWORD);
    HttpResponse<String> signedIn = person.post("/sign-in", fields);
    log.add("POST /sign-in (browser) → " + signedIn.statusCode());
    HttpResponse<String> consent = person.get(Browser.location(signedIn));
    log.add(
        "GET "
            + Browser.location(signedIn).replaceAll("\\?.*", "?…")
            + " (browser) → "
            + consent.statusCode());
    return consent;
  }

  /** Approves on the consent page; returns the code from the captured redirect. */
  String approve(HttpResponse<String> consentPage) throws Exception {
    assertThat(consentPage.statusCode()).as(consentPage.body()).isEqualTo(200);
    Map<String, String> consent = Browser.hiddenFields(consentPage.body());
    consent.put("decision", "approve");
    HttpResponse<String> decided = person.post("/oauth/authorize", consent);
    log.add("POST /oauth/authorize (browser, consent form) → " + decided.statusCode());
    String back = Browser.location(decided);
    assertThat(back).startsWith(CALLBACK + "?"); // captured, never followed
    assertThat(Browser.query(back)).containsEntry("state", "claude-state");
    return Browser.query(back).get("code");
  }

  JsonNode redeem(String clientId, String code) throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", CALLBACK);
    form.put("code_verifier", VERIFIER);
    form.put("client_id", clientId);
    form.put("resource", resource);
    HttpResponse<String> tokens =
        send("POST", "/token", "application/x-www-form-urlencoded", Browser.encode(form));
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(tokens.body());
    token = body.get("access_token").asText();
    return body;
  }

  void initialize() throws Exception {
    HttpResponse<String> initialized =
        send("POST", "/api/mcp", "application/json", OAuthFlowContract.INITIALIZE);
    assertThat(initialized.statusCode()).as(initialized.body()).isEqualTo(200);
    session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
    send(
        "POST",
        "/api/mcp",
        "application/json",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
  }

  String whoami() throws Exception {
    JsonNode result = result("tools/call", "{\"name\":\"whoami\",\"arguments\":{}}");
    assertThat(result.path("isError").asBoolean(false)).as(result.toString()).isFalse();
    return result.toString();
  }

  ClaudeLikeClient(String base, String resource) {
    this.base = base;
    this.resource = resource;
    this.person = new Browser(base);
  }

  /** The whole connection as Claude makes it: sign-in and consent included; returns the tokens. */
  JsonNode connect(String clientId, String email) throws Exception {
    return redeem(clientId, approve(signIn(openAuthorize(clientId), email)));
  }
}
