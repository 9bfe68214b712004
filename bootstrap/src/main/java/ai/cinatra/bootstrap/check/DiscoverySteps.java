package ai.cinatra.bootstrap.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps before any sign-in, as Claude takes them: the URL itself, the request without a token,
 * the server's clock, and both metadata documents at the paths Claude asks (the origin root too).
 */
final class DiscoverySteps {
  /** How far the server's clock may be from this machine's before tokens look wrong to someone. */
  static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(30);

  private static final Pattern RESOURCE_METADATA =
      Pattern.compile("resource_metadata=\"([^\"]+)\"");

  private final String url;
  private final Http http;
  private final CheckState state;
  private final Clock clock;

  DiscoverySteps(String url, Http http, CheckState state, Clock clock) {
    this.url = url;
    this.http = http;
    this.state = state;
    this.clock = clock;
  }

  String theUrl() throws CheckFailed {
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
    if ("http".equals(uri.getScheme()) && !Answers.loopback(uri.getHost())) {
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

  String probe() throws CheckFailed {
    Exchange probe = http.postJson(url, McpSteps.initializeRequest(), McpSteps.headers());
    state.probe = probe;
    if (probe.status() == 401 && probe.header("WWW-Authenticate").startsWith("Bearer")) {
      return "401 with WWW-Authenticate: " + probe.header("WWW-Authenticate");
    }
    if (probe.isHtml()) {
      throw new CheckFailed(
          probe,
          "An HTML page answered where an MCP server should: this URL is not the MCP endpoint (it"
              + " ends in /api/mcp), or a proxy serves its own page here.");
    }
    if (probe.status() == 200) {
      throw new CheckFailed(
          probe,
          "The server answered without a token: it is not protected by OAuth, or not Cinatra.");
    }
    throw new CheckFailed(
        probe,
        "An MCP server answers a request without a token with 401 and a WWW-Authenticate header;"
            + " this is not an MCP server, or a proxy in front of it changes the answer.");
  }

  String clocks() throws CheckFailed {
    String date = state.probe.header("Date");
    Instant theirs;
    try {
      theirs = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return "the server sent no readable Date header; not compared";
    }
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

  String resourceMetadata() throws CheckFailed {
    Matcher named = RESOURCE_METADATA.matcher(state.probe.header("WWW-Authenticate"));
    String where =
        named.find()
            ? named.group(1)
            : Http.origin(url)
                + "/.well-known/oauth-protected-resource"
                + URI.create(url).getRawPath();
    if (!Http.origin(where).equals(Http.origin(url))) {
      throw new CheckFailed(
          "WWW-Authenticate names " + where,
          "The server sends clients to "
              + Http.origin(where)
              + ", but you reached it at "
              + Http.origin(url)
              + ": its base URL names another host or port than the one clients use. Set"
              + " CINATRA_BASE_URL (or the public URL on the connector page) to "
              + Http.origin(url)
              + " — the address of the tunnel or proxy, or the port the server really listens on.");
    }
    Exchange answer = http.get(where, Map.of("Accept", "application/json"));
    JsonNode metadata = Answers.json(answer, "/.well-known/oauth-protected-resource");
    String resource = metadata.path("resource").asText("");
    if (!Answers.sameUrl(resource, url)) {
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
    if (metadata.path("authorization_servers").isEmpty()) {
      throw new CheckFailed(answer, "The metadata names no authorization server.");
    }
    // Claude also asks the origin root's document, whatever the 401 named.
    String root = Http.origin(url) + "/.well-known/oauth-protected-resource";
    if (!root.equals(where)) {
      Answers.json(
          http.get(root, Map.of("Accept", "application/json")),
          "/.well-known/oauth-protected-resource at the origin root");
    }
    state.resourceMetadata = metadata;
    return "resource "
        + resource
        + ", authorization server "
        + metadata.path("authorization_servers").get(0).asText();
  }

  /**
   * claude.ai may ignore the endpoints the metadata names and use /register, /authorize and /token
   * at the origin root; each is asked something harmless that Cinatra refuses in its own words.
   */
  String rootPaths() throws CheckFailed {
    String origin =
        Http.origin(state.resourceMetadata.path("authorization_servers").get(0).asText());
    Map<String, String> json = Map.of("Accept", "application/json");
    passed(http.postJson(origin + "/register", "{}", json), true);
    passed(http.postForm(origin + "/token", Map.of("grant_type", "check-connection"), json), true);
    passed(http.get(origin + "/authorize", Map.of("Accept", "text/html")), false);
    return "/register, /authorize and /token answer at " + origin + " too";
  }

  private static void passed(Exchange answer, boolean wantsJson) throws CheckFailed {
    if (answer.status() == 404 || answer.status() == 405 || (wantsJson && answer.isHtml())) {
      throw new CheckFailed(
          answer,
          "claude.ai may skip the endpoints the metadata names and use /register, /authorize and"
              + " /token at the origin root; a reverse proxy or tunnel does not pass "
              + java.net.URI.create(answer.url()).getPath()
              + " to Cinatra. Route the whole host to it, or add those three paths.");
    }
  }

  String serverMetadata() throws CheckFailed {
    String issuer = state.resourceMetadata.path("authorization_servers").get(0).asText();
    String path = URI.create(issuer).getRawPath() == null ? "" : URI.create(issuer).getRawPath();
    // RFC 8414 puts the issuer's path after the well-known name; Claude also asks the origin root.
    String rfc8414 = Http.origin(issuer) + "/.well-known/oauth-authorization-server" + path;
    JsonNode metadata =
        Answers.json(
            http.get(rfc8414, Map.of("Accept", "application/json")),
            "/.well-known/oauth-authorization-server");
    if (!path.isEmpty() && !path.equals("/")) {
      Answers.json(
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
    return "issuer " + issuer;
  }
}
