package ai.cinatra.bootstrap.check;

import ai.cinatra.domain.oauth.OpaqueSecret;
import ai.cinatra.domain.oauth.Pkce;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The OAuth part, as Claude's connector takes it: a token a client already holds, Claude's client
 * metadata document, registration, the authorization with PKCE and {@code resource}, sign-in and
 * consent, the code read from the redirect, the token, a refresh — and revoking it all at the end.
 */
final class OAuthSteps {
  /** The document claude.ai names itself by when a server offers metadata documents. */
  static final String CLAUDE_DOCUMENT = "https://claude.ai/oauth/mcp-oauth-client-metadata";

  static final String CLAUDE_CALLBACK = "https://claude.ai/api/mcp/auth_callback";

  /**
   * Where the doctor says it listens; nothing listens there, the code is read from the redirect.
   */
  static final String REDIRECT_URI = "http://127.0.0.1:33418/callback";

  /** What the person signs in with, and which token a client already holds, if any. */
  record Person(String email, String password, Optional<String> heldToken) {}

  private final String url;
  private final Person person;
  private final Optional<String> documentUrl;
  private final Http http;
  private final CheckState state;
  private final Clock clock;

  OAuthSteps(
      String url,
      Person person,
      Optional<String> documentUrl,
      Http http,
      CheckState state,
      Clock clock) {
    this.url = url;
    this.person = person;
    this.documentUrl = documentUrl;
    this.http = http;
    this.state = state;
    this.clock = clock;
  }

  String heldToken() throws CheckFailed {
    Map<String, String> headers = new LinkedHashMap<>(McpSteps.headers());
    headers.put("Authorization", "Bearer " + person.heldToken().orElseThrow());
    Exchange answer = http.postJson(url, McpSteps.initializeRequest(), headers);
    if (answer.status() == 200) {
      return "accepted";
    }
    String resource = state.resourceMetadata.path("resource").asText();
    Optional<JsonNode> claims = Tokens.claims(person.heldToken().get());
    String audience =
        claims
            .map(c -> c.path("aud").isArray() ? c.path("aud").path(0) : c.path("aud"))
            .map(JsonNode::asText)
            .orElse("");
    if (!audience.isEmpty() && !Answers.sameUrl(audience, resource)) {
      throw new CheckFailed(
          answer,
          "This token was issued for "
              + audience
              + ", but the server's MCP URL is now "
              + resource
              + ": the public URL changed after the client connected. Tokens from before the change"
              + " are refused; disconnect the client on the connector page and connect it again.");
    }
    if (claims.isPresent()
        && claims.get().path("exp").asLong(Long.MAX_VALUE) < clock.instant().getEpochSecond()) {
      throw new CheckFailed(
          answer, "The token has expired; the client should refresh it or connect again.");
    }
    throw new CheckFailed(
        answer,
        "The token is refused (revoked, its client disconnected, or its account disabled): connect"
            + " the client again.");
  }

  /**
   * Claude prefers a metadata document to registration when the server offers one, so the server
   * must be able to fetch Claude's. A URL on this machine is not reachable from claude.ai, so there
   * only a document given with --client-metadata-url is tried.
   */
  String claudeDocument() throws CheckFailed {
    if (!state.serverMetadata.path("client_id_metadata_document_supported").asBoolean(false)) {
      return "not offered; Claude registers instead";
    }
    boolean local = Answers.loopback(java.net.URI.create(url).getHost());
    if (documentUrl.isEmpty() && local) {
      return "not tried: claude.ai cannot reach a URL on this machine (local clients register)";
    }
    String document = documentUrl.orElse(CLAUDE_DOCUMENT);
    String redirect = document.equals(CLAUDE_DOCUMENT) ? CLAUDE_CALLBACK : firstRedirect(document);
    // A new cookie jar: this asks as a person's browser would the first time, not signed in.
    Exchange answer =
        new Http()
            .get(
                authorization(document, redirect, OpaqueSecret.generate(), OpaqueSecret.generate()),
                Map.of());
    String location = answer.header("Location");
    if (answer.status() / 100 == 3 && !location.startsWith(redirect)) {
      return "the server fetched " + document + " and sends the person to sign in";
    }
    throw new CheckFailed(
        answer.status() / 100 == 3 ? "redirected to " + location : answer.inShort(),
        "This server offers client ID metadata documents, so Claude names itself by "
            + document
            + " instead of registering — and the server could not use it. Let the server reach "
            + java.net.URI.create(document).getHost()
            + " over HTTPS (an outbound firewall or a missing proxy blocks it; a 403 HTML answer is"
            + " claude.ai's bot challenge, which some data-centre addresses get), or set"
            + " CINATRA_CIMD_ENABLED=false so that Claude registers instead.");
  }

  String register() throws CheckFailed {
    String body =
        "{\"client_name\":\"Cinatra check-connection\",\"redirect_uris\":[\""
            + REDIRECT_URI
            + "\"],\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
            + "\"response_types\":[\"code\"],\"token_endpoint_auth_method\":\"none\"}";
    Exchange answer =
        http.postJson(state.serverMetadata.path("registration_endpoint").asText(), body, Map.of());
    JsonNode client = Answers.json(answer, "the registration endpoint");
    if (answer.status() != 201 || client.path("client_id").asText("").isEmpty()) {
      throw new CheckFailed(
          answer, "Dynamic client registration (RFC 7591) did not give a client_id.");
    }
    state.clientId = client.path("client_id").asText();
    state.registrationUri = client.path("registration_client_uri").asText("");
    state.registrationToken = client.path("registration_access_token").asText("");
    return "client_id " + state.clientId;
  }

  String authorize() throws CheckFailed {
    String verifier = OpaqueSecret.generate();
    String stateValue = OpaqueSecret.generate();
    String redirect =
        new SignInFlow(http)
            .toRedirect(
                authorization(state.clientId, REDIRECT_URI, verifier, stateValue),
                REDIRECT_URI,
                person.email(),
                person.password());
    Map<String, String> query = SignInFlow.query(redirect);
    if (query.containsKey("error")) {
      throw new CheckFailed(
          redirect,
          "The server refused the authorization: "
              + query.get("error")
              + " "
              + query.getOrDefault("error_description", ""));
    }
    if (!stateValue.equals(query.get("state")) || query.getOrDefault("code", "").isEmpty()) {
      throw new CheckFailed(
          redirect, "The redirect back to the client carries no code, or another state.");
    }
    state.code = query.get("code");
    state.verifier = verifier;
    return "signed in as " + person.email() + ", consented; the code read from the redirect";
  }

  String token() throws CheckFailed {
    Map<String, String> exchange = new LinkedHashMap<>();
    exchange.put("grant_type", "authorization_code");
    exchange.put("code", state.code);
    exchange.put("redirect_uri", REDIRECT_URI);
    exchange.put("client_id", state.clientId);
    exchange.put("code_verifier", state.verifier);
    exchange.put("resource", url);
    tokens(http.postForm(state.serverMetadata.path("token_endpoint").asText(), exchange, Map.of()));
    return "an access token for "
        + Tokens.claims(state.accessToken).map(c -> c.path("aud").toString()).orElse(url)
        + (state.refreshToken == null ? "" : ", and a refresh token");
  }

  String refresh() throws CheckFailed {
    if (state.refreshToken == null || state.refreshToken.isEmpty()) {
      throw new CheckFailed(
          "no refresh_token in the token answer",
          "Without a refresh token a client must send the person through sign-in again when its"
              + " token expires.");
    }
    tokens(
        http.postForm(
            state.serverMetadata.path("token_endpoint").asText(),
            Map.of(
                "grant_type",
                "refresh_token",
                "refresh_token",
                state.refreshToken,
                "client_id",
                state.clientId),
            Map.of()));
    return "a new access token";
  }

  /**
   * Revokes what this check was given and deletes its registration (RFC 7592) where the server
   * offers that, so it leaves no client behind.
   */
  void revoke(java.io.PrintStream out) {
    revokeTokens(out);
    if (state.registrationUri == null || state.registrationUri.isEmpty()) {
      return;
    }
    try {
      Exchange deleted =
          http.delete(
              state.registrationUri, Map.of("Authorization", "Bearer " + state.registrationToken));
      if (deleted.status() != 204) {
        out.println("  (could not delete the check's registration: " + deleted.inShort() + ")");
      }
    } catch (CheckFailed e) {
      out.println("  (could not delete the check's registration: " + e.diagnosis() + ")");
    }
  }

  private void revokeTokens(java.io.PrintStream out) {
    if (state.revokeUrl == null || state.revokeUrl.isEmpty() || state.clientId == null) {
      return;
    }
    for (String token : new String[] {state.refreshToken, state.accessToken}) {
      if (token != null && !token.isEmpty()) {
        try {
          http.postForm(
              state.revokeUrl, Map.of("token", token, "client_id", state.clientId), Map.of());
        } catch (CheckFailed e) {
          out.println("  (could not revoke the check's token: " + e.diagnosis() + ")");
        }
      }
    }
  }

  private void tokens(Exchange token) throws CheckFailed {
    JsonNode answer = Answers.json(token, "the token endpoint");
    if (token.status() != 200 || answer.path("access_token").asText("").isEmpty()) {
      throw new CheckFailed(
          token,
          "The token endpoint gave no access token: "
              + answer.path("error").asText("")
              + " "
              + answer.path("error_description").asText(""));
    }
    state.accessToken = answer.path("access_token").asText();
    state.refreshToken = answer.path("refresh_token").asText(state.refreshToken);
    Optional<JsonNode> claims = Tokens.claims(state.accessToken);
    if (claims.isEmpty()) {
      return;
    }
    long now = clock.instant().getEpochSecond();
    long exp = claims.get().path("exp").asLong(Long.MAX_VALUE);
    long iat = claims.get().path("iat").asLong(now);
    if (exp <= now || iat > now + DiscoverySteps.CLOCK_TOLERANCE.toSeconds()) {
      throw new CheckFailed(
          "iat "
              + Instant.ofEpochSecond(iat)
              + ", exp "
              + Instant.ofEpochSecond(exp)
              + ", now "
              + clock.instant(),
          "A token just issued is already expired or not yet valid here: the server's clock is"
              + " wrong. Synchronize it (NTP).");
    }
  }

  private String authorization(String clientId, String redirect, String verifier, String state) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", clientId);
    query.put("redirect_uri", redirect);
    query.put("code_challenge", Pkce.s256(verifier));
    query.put("code_challenge_method", "S256");
    query.put("state", state);
    query.put("resource", url);
    return this.state.serverMetadata.path("authorization_endpoint").asText()
        + "?"
        + Http.form(query);
  }

  /** The first redirect URI a document lists, read as the server will read it. */
  private String firstRedirect(String document) throws CheckFailed {
    JsonNode listed =
        Answers.json(http.get(document, Map.of("Accept", "application/json")), document)
            .path("redirect_uris")
            .path(0);
    if (!listed.isTextual()) {
      throw new CheckFailed(document, "The client metadata document lists no redirect_uris.");
    }
    return listed.asText();
  }
}
