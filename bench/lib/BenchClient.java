import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client half of the benchmarks: gets a real access token through the OAuth flow (registration,
 * PKCE S256, sign-in and consent forms, code, token), opens MCP sessions, calls a tool once.
 * Usage: java bench/lib/BenchClient.java token BASE_URL EMAIL PASSWORD
 *        java bench/lib/BenchClient.java session MCP_URL TOKEN
 *        java bench/lib/BenchClient.java call MCP_URL TOKEN SESSION TOOL ARGUMENTS_JSON
 */
public class BenchClient {
  static final HttpClient HTTP =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).version(HttpClient.Version.HTTP_1_1).build();
  static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "token" -> System.out.println(token(args[1], args[2], args[3]));
      case "session" -> System.out.println(session(args[1], args[2]));
      case "call" -> System.out.println(call(args[1], args[2], args[3], args[4], args[5]));
      default -> throw new IllegalArgumentException("token | session | call");
    }
  }

  /** What the token endpoint answered, and the client it was issued to (for refreshing). */
  record Tokens(String access, String refresh, String clientId) {}

  static String token(String base, String email, String password) throws Exception {
    return tokens(base, email, password).access();
  }

  static Tokens tokens(String base, String email, String password) throws Exception {
    String redirect = "http://localhost:53682/cb";
    String registered = post(base + "/oauth/register", "application/json",
        "{\"client_name\":\"bench\",\"redirect_uris\":[\"" + redirect + "\"],\"token_endpoint_auth_method\":\"none\"}").body();
    String clientId = field(registered, "client_id");
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    Map<String, String> authorize = new LinkedHashMap<>();
    authorize.put("response_type", "code");
    authorize.put("client_id", clientId);
    authorize.put("redirect_uri", redirect);
    authorize.put("scope", "mcp:connect");
    authorize.put("state", "bench");
    authorize.put("code_challenge", challenge);
    authorize.put("code_challenge_method", "S256");
    authorize.put("resource", base + "/api/mcp");
    HttpResponse<String> toSignIn = get(base + "/oauth/authorize?" + form(authorize));
    Map<String, String> signIn = hidden(get(base + location(toSignIn)).body());
    signIn.put("email", email);
    signIn.put("password", password);
    HttpResponse<String> signedIn = post(base + "/sign-in", "application/x-www-form-urlencoded", form(signIn));
    Map<String, String> consent = hidden(get(base + location(signedIn)).body());
    consent.put("decision", "approve");
    String back = location(post(base + "/oauth/authorize", "application/x-www-form-urlencoded", form(consent)));
    String code = URLDecoder.decode(back.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
    Map<String, String> exchange = new LinkedHashMap<>();
    exchange.put("grant_type", "authorization_code");
    exchange.put("code", code);
    exchange.put("redirect_uri", redirect);
    exchange.put("client_id", clientId);
    exchange.put("code_verifier", verifier);
    exchange.put("resource", base + "/api/mcp");
    String answer = post(base + "/oauth/token", "application/x-www-form-urlencoded", form(exchange)).body();
    return new Tokens(field(answer, "access_token"), field(answer, "refresh_token"), clientId);
  }

  static String session(String mcp, String token) throws Exception {
    HttpResponse<String> init = mcp(mcp, token, null,
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}");
    String session = init.headers().firstValue("Mcp-Session-Id")
        .orElseThrow(() -> new IllegalStateException("no session: " + init.statusCode() + " " + init.body()));
    HttpResponse<String> initialized = mcp(mcp, token, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    if (initialized.statusCode() != 202) {
      throw new IllegalStateException("initialized: " + initialized.statusCode());
    }
    return session;
  }

  static String call(String mcp, String token, String session, String tool, String arguments) throws Exception {
    HttpResponse<String> r = mcp(mcp, token, session,
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}}");
    if (r.statusCode() != 200 || !r.body().contains("structuredContent") || r.body().contains("\"isError\":true")) {
      throw new IllegalStateException(tool + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  static HttpResponse<String> mcp(String url, String token, String session, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("MCP-Protocol-Version", "2025-11-25")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      request.header("Mcp-Session-Id", session);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String url, String type, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElseThrow(
        () -> new IllegalStateException("no redirect: " + response.statusCode() + " " + response.body()));
  }

  static Map<String, String> hidden(String html) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = HIDDEN.matcher(html);
    while (m.find()) {
      fields.put(m.group(1), m.group(2).replace("&amp;", "&").replace("&quot;", "\"")
          .replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">"));
    }
    return fields;
  }

  static String form(Map<String, String> fields) {
    StringBuilder out = new StringBuilder();
    fields.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&")
        .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString();
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\\\\?\"" + name + "\\\\?\"\\s*:\\s*\\\\?\"([^\"\\\\]+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }
}
