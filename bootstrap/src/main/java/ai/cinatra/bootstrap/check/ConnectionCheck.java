package ai.cinatra.bootstrap.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Claude's connector does against an MCP URL, step by step — probe, both metadata documents,
 * registration, authorization with PKCE, sign-in and consent, token, initialize, tools/list, one
 * read-only call, refresh — each printed with ✓ or ✗, a failed one with its exchange in short and a
 * diagnosis in plain words. Tokens it was given are revoked at the end.
 */
public final class ConnectionCheck {
  /** How far the server's clock may be from this machine's before tokens look wrong to someone. */
  static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(30);

  static final String REDIRECT_URI = "http://127.0.0.1:33418/callback";
  static final String PROTOCOL = "2025-06-18";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String url;
  private final String email;
  private final String password;
  private final Optional<String> oldToken;
  private final PrintStream out;
  private final Clock clock;
  private final Http http = new Http();
  private final SignInFlow signIn;
  private final Check state = new Check();

  /** What the steps learn and hand on. */
  private static final class Check {
    Exchange probe;
    JsonNode resourceMetadata;
    JsonNode serverMetadata;
    String clientId;
    String accessToken;
    String refreshToken;
    String session;
    String revokeUrl;
    int passed;
  }

  public ConnectionCheck(
      String url,
      String email,
      String password,
      Optional<String> oldToken,
      PrintStream out,
      Clock clock) {
    this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.email = email;
    this.password = password;
    this.oldToken = oldToken;
    this.out = out;
    this.clock = clock;
    this.signIn = new SignInFlow(http);
  }

  /** Runs every step; true when all passed. */
  public boolean run() {
    out.println("Checking " + url + " as Claude's connector would:");
    boolean ok =
        step("the URL", this::theUrl)
            && step("unauthenticated probe", this::probe)
            && step("clocks", this::clocks)
            && step("protected resource metadata", this::resourceMetadata)
            && step("authorization server metadata", this::serverMetadata)
            && (oldToken.isEmpty() || step("the token you gave", this::givenToken))
            && step("client registration", this::register)
            && step("authorization, sign-in and consent (PKCE S256)", this::authorize)
            && step("initialize", this::initialize)
            && step("tools/list", this::toolsList)
            && step("a read-only tool call (whoami)", this::whoami)
            && step("refresh", this::refresh);
    revoke();
    out.println(
        ok
            ? "All " + state.passed + " checks passed: Claude can connect to " + url + "."
            : "Not connectable yet: fix the first ✗ above and run this again.");
    return ok;
  }

  @FunctionalInterface
  private interface Step {
    String run() throws CheckFailed;
  }

  private boolean step(String name, Step body) {
    try {
      String detail = body.run();
      out.println("✓ " + name + (detail.isEmpty() ? "" : ": " + detail));
      state.passed++;
      return true;
    } catch (CheckFailed failed) {
      out.println("✗ " + name);
      out.println("    seen:      " + failed.seen());
      out.println("    diagnosis: " + failed.diagnosis());
      return false;
    } catch (RuntimeException e) {
      out.println("✗ " + name);
      out.println("    diagnosis: an answer the doctor could not read (" + e.getMessage() + ")");
      return false;
    }
  }

  private String theUrl() throws CheckFailed {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new CheckFailed(url, "This is not a URL.");
    }
    if (uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())) {
      throw new CheckFailed(
          url, "Give the MCP Server URL, such as https://cinatra.example.com/api/mcp.");
    }
    if ("http".equals(uri.getScheme()) && !loopback(uri.getHost())) {
      throw new CheckFailed(
          url,
          "Claude connects to https URLs only; a public URL that is http will not work. Put the"
              + " server behind TLS (a reverse proxy or a tunnel) and set CINATRA_BASE_URL, or the"
              + " public URL on the connector page, to the https address.");
    }
    return "http".equals(uri.getScheme())
        ? "http on this machine (fine for Claude Desktop and Claude Code here; claude.ai needs https)"
        : "https";
  }

  private String probe() throws CheckFailed {
    Exchange probe = http.postJson(url, initializeRequest(), mcpHeaders());
    state.probe = probe;
    if (probe.status() == 401 && probe.header("WWW-Authenticate").startsWith("Bearer")) {
      return "401 with WWW-Authenticate: " + probe.header("WWW-Authenticate");
    }
    if (probe.status() == 200) {
      throw new CheckFailed(
          probe,
          "The server answered without a token: it is not protected by OAuth, or not Cinatra.");
    }
    if (probe.isHtml()) {
      throw new CheckFailed(
          probe,
          "An HTML page answered where an MCP server should: this URL is not the MCP endpoint (it"
              + " ends in /api/mcp), or a proxy serves its own page here.");
    }
    throw new CheckFailed(
        probe,
        "An MCP server answers a request without a token with 401 and a WWW-Authenticate header;"
            + " this is not an MCP server, or a proxy in front of it changes the answer.");
  }

  private String clocks() throws CheckFailed {
    String date = state.probe.header("Date");
    if (date.isEmpty()) {
      return "the server sent no Date header; not compared";
    }
    Instant theirs = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    Duration skew = Duration.between(clock.instant(), theirs);
    if (skew.abs().compareTo(CLOCK_TOLERANCE) > 0) {
      throw new CheckFailed(
          "Date: " + date + " (this machine: " + clock.instant() + ")",
          "The server's clock is "
              + skew.abs().toSeconds()
              + " s "
              + (skew.isNegative() ? "behind" : "ahead of")
              + " this machine's: tokens it issues look expired or not yet valid to other nodes"
              + " and clients. Synchronize its clock (NTP) and check the time zone settings.");
    }
    return "the server's clock is within " + CLOCK_TOLERANCE.toSeconds() + " s of this machine's";
  }

  private String resourceMetadata() throws CheckFailed {
    String challenge = state.probe.header("WWW-Authenticate");
    java.util.regex.Matcher named =
        java.util.regex.Pattern.compile("resource_metadata=\"([^\"]+)\"").matcher(challenge);
    URI mcp = URI.create(url);
    String where =
        named.find()
            ? named.group(1)
            : Http.origin(url) + "/.well-known/oauth-protected-resource" + mcp.getRawPath();
    Exchange answer = http.get(where, Map.of("Accept", "application/json"));
    JsonNode metadata = json(answer, "/.well-known/oauth-protected-resource");
    String resource = metadata.path("resource").asText("");
    if (!sameUrl(resource, url)) {
      throw new CheckFailed(
          answer,
          "The server says its MCP URL is "
              + resource
              + ", but you reached it at "
              + url
              + ". Tokens are issued for the server's URL, so Claude's are refused here. Set"
              + " CINATRA_BASE_URL (or the public URL on the connector page) to the address clients"
              + " use — the tunnel's or proxy's host, with the right port.");
    }
    if (!metadata.path("authorization_servers").isArray()
        || metadata.path("authorization_servers").isEmpty()) {
      throw new CheckFailed(answer, "The metadata names no authorization server.");
    }
    state.resourceMetadata = metadata;
    return "resource "
        + resource
        + ", authorization server "
        + metadata.path("authorization_servers").get(0).asText();
  }

  private String serverMetadata() throws CheckFailed {
    String issuer = state.resourceMetadata.path("authorization_servers").get(0).asText();
    URI issuerUri = URI.create(issuer);
    String path = issuerUri.getRawPath() == null ? "" : issuerUri.getRawPath();
    // RFC 8414 puts the issuer's path after the well-known name; Claude also asks the origin root.
    String rfc8414 = Http.origin(issuer) + "/.well-known/oauth-authorization-server" + path;
    JsonNode metadata =
        json(
            http.get(rfc8414, Map.of("Accept", "application/json")),
            "/.well-known/oauth-authorization-server");
    if (!path.isEmpty() && !path.equals("/")) {
      json(
          http.get(Http.origin(issuer) + "/.well-known/oauth-authorization-server", Map.of()),
          "/.well-known/oauth-authorization-server at the origin root");
    }
    if (!issuer.equals(metadata.path("issuer").asText())) {
      throw new CheckFailed(
          rfc8414 + " → issuer " + metadata.path("issuer").asText(),
          "The authorization server names another issuer than the resource metadata does: two"
              + " servers, or a proxy rewriting one of them.");
    }
    for (String field :
        List.of("authorization_endpoint", "token_endpoint", "registration_endpoint")) {
      if (metadata.path(field).asText("").isEmpty()) {
        throw new CheckFailed(
            rfc8414 + " has no " + field,
            "The server does not offer what Claude needs: " + field + ".");
      }
    }
    if (!metadata.path("code_challenge_methods_supported").toString().contains("S256")) {
      throw new CheckFailed(rfc8414, "The server does not offer PKCE S256, which Claude requires.");
    }
    state.serverMetadata = metadata;
    state.revokeUrl = metadata.path("revocation_endpoint").asText("");
    boolean cimd = metadata.path("client_id_metadata_document_supported").asBoolean(false);
    return "issuer " + issuer + (cimd ? "; client ID metadata documents offered too" : "");
  }

  private String givenToken() throws CheckFailed {
    Map<String, String> headers = new java.util.LinkedHashMap<>(mcpHeaders());
    headers.put("Authorization", "Bearer " + oldToken.orElseThrow());
    Exchange answer = http.postJson(url, initializeRequest(), headers);
    if (answer.status() == 200) {
      return "accepted";
    }
    String resource = state.resourceMetadata.path("resource").asText();
    Optional<JsonNode> claims = Tokens.claims(oldToken.get());
    String audience =
        claims
            .map(
                c ->
                    c.path("aud").isArray()
                        ? c.path("aud").get(0).asText()
                        : c.path("aud").asText())
            .orElse("");
    if (!audience.isEmpty() && !sameUrl(audience, resource)) {
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

  private String register() throws CheckFailed {
    String body =
        "{\"client_name\":\"Cinatra check-connection\",\"redirect_uris\":[\""
            + REDIRECT_URI
            + "\"],\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
            + "\"response_types\":[\"code\"],\"token_endpoint_auth_method\":\"none\"}";
    Exchange answer =
        http.postJson(state.serverMetadata.path("registration_endpoint").asText(), body, Map.of());
    JsonNode client = json(answer, "the registration endpoint");
    if (answer.status() != 201 || client.path("client_id").asText("").isEmpty()) {
      throw new CheckFailed(
          answer, "Dynamic client registration (RFC 7591) did not give a client_id.");
    }
    state.clientId = client.path("client_id").asText();
    return "client_id " + state.clientId;
  }

  private String authorize() throws CheckFailed {
    String verifier = random();
    String challenge = s256(verifier);
    String stateValue = random();
    String authorization =
        state.serverMetadata.path("authorization_endpoint").asText()
            + "?"
            + Http.form(
                new java.util.LinkedHashMap<>(
                    Map.of(
                        "response_type", "code",
                        "client_id", state.clientId,
                        "redirect_uri", REDIRECT_URI,
                        "code_challenge", challenge,
                        "code_challenge_method", "S256",
                        "state", stateValue,
                        "resource", url)));
    String redirect = signIn.toRedirect(authorization, REDIRECT_URI, email, password);
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
    Exchange token =
        http.postForm(
            state.serverMetadata.path("token_endpoint").asText(),
            new java.util.LinkedHashMap<>(
                Map.of(
                    "grant_type",
                    "authorization_code",
                    "code",
                    query.get("code"),
                    "redirect_uri",
                    REDIRECT_URI,
                    "client_id",
                    state.clientId,
                    "code_verifier",
                    verifier,
                    "resource",
                    url)),
            Map.of());
    tokens(token);
    return "signed in as " + email + ", consented, code exchanged for a token";
  }

  private void tokens(Exchange token) throws CheckFailed {
    JsonNode answer = json(token, "the token endpoint");
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
    if (claims.isPresent()) {
      long now = clock.instant().getEpochSecond();
      long exp = claims.get().path("exp").asLong(Long.MAX_VALUE);
      long iat = claims.get().path("iat").asLong(now);
      if (exp <= now || iat > now + CLOCK_TOLERANCE.toSeconds()) {
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
  }

  private String initialize() throws CheckFailed {
    Exchange answer = http.postJson(url, initializeRequest(), authorized());
    if (answer.status() == 401) {
      throw new CheckFailed(
          answer,
          "A token just issued is refused: the server that issued it and the one answering here"
              + " disagree about the URL (CINATRA_BASE_URL or the public URL) or about the time.");
    }
    JsonNode result = rpcResult(answer, "initialize");
    state.session = answer.header("Mcp-Session-Id");
    return "protocol "
        + result.path("protocolVersion").asText()
        + ", server "
        + result.path("serverInfo").path("name").asText();
  }

  private String toolsList() throws CheckFailed {
    JsonNode result =
        rpcResult(
            http.postJson(
                url, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", authorized()),
            "tools/list");
    return result.path("tools").size() + " tools";
  }

  private String whoami() throws CheckFailed {
    JsonNode result =
        rpcResult(
            http.postJson(
                url,
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"whoami\",\"arguments\":{}}}",
                authorized()),
            "tools/call whoami");
    if (result.path("isError").asBoolean(false)) {
      throw new CheckFailed(result.toString(), "The tool call failed.");
    }
    return result.path("structuredContent").path("email").asText("answered");
  }

  private String refresh() throws CheckFailed {
    if (state.refreshToken == null || state.refreshToken.isEmpty()) {
      throw new CheckFailed(
          "no refresh_token in the token answer",
          "Without a refresh token Claude must send the person through sign-in again every hour.");
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

  /** Revokes what this check was given, so it leaves no connected client behind. */
  private void revoke() {
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

  private Map<String, String> mcpHeaders() {
    return Map.of(
        "Accept", "application/json, text/event-stream", "MCP-Protocol-Version", PROTOCOL);
  }

  private Map<String, String> authorized() {
    Map<String, String> headers = new java.util.LinkedHashMap<>(mcpHeaders());
    headers.put("Authorization", "Bearer " + state.accessToken);
    if (state.session != null && !state.session.isEmpty()) {
      headers.put("Mcp-Session-Id", state.session);
    }
    return headers;
  }

  private static String initializeRequest() {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
        + PROTOCOL
        + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"cinatra-check-connection\",\"version\":\"1\"}}}";
  }

  private static JsonNode rpcResult(Exchange answer, String what) throws CheckFailed {
    String body = answer.body();
    if (answer.contentType().contains("text/event-stream")) {
      body =
          body.lines()
              .filter(l -> l.startsWith("data:"))
              .map(l -> l.substring(5).strip())
              .reduce((a, b) -> b)
              .orElse("");
    }
    JsonNode message;
    try {
      message = JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new CheckFailed(answer, what + " did not answer JSON-RPC.");
    }
    if (answer.status() != 200 || message == null || !message.has("result")) {
      throw new CheckFailed(
          answer, what + " failed: " + (message == null ? "" : message.path("error").toString()));
    }
    return message.get("result");
  }

  private static JsonNode json(Exchange answer, String what) throws CheckFailed {
    if (answer.status() == 404 || answer.isHtml()) {
      throw new CheckFailed(
          answer,
          what
              + (answer.isHtml() ? " answered an HTML page" : " is not found")
              + " where JSON belongs: a reverse proxy or tunnel does not pass /.well-known/* (and"
              + " /oauth/*) to Cinatra. Route the whole host to it, or at least /.well-known/,"
              + " /oauth/, /sign-in and /api/mcp.");
    }
    try {
      JsonNode node = JSON.readTree(answer.body());
      if (node == null || !node.isObject()) {
        throw new CheckFailed(answer, what + " did not answer a JSON object.");
      }
      return node;
    } catch (java.io.IOException e) {
      throw new CheckFailed(answer, what + " did not answer JSON.");
    }
  }

  private static boolean sameUrl(String a, String b) {
    return strip(a).equals(strip(b));
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static boolean loopback(String host) {
    return host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("[::1]")
        || host.equals("::1");
  }

  private static String random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
