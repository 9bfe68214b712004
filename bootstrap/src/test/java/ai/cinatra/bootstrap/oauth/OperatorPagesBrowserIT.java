package ai.cinatra.bootstrap.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.bootstrap.CinatraJar;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * The operator's pages in a real browser (headless Chromium through WebDriver) against the real
 * jar: first run, the connector page before and after the public URL is set, Disconnect cutting one
 * client off at once, what a member sees, and the run page following a run live and answering its
 * approval. Screenshots of the three pages land in target/screenshots.
 */
class OperatorPagesBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String ADMIN = "admin@example.org";
  private static final String ADMIN_PASSWORD = "the admin's long password";
  private static final String MEMBER = "member@example.org";
  private static final String PUBLIC = "https://cinatra.example.test";
  private static final String SETUP_PAGE =
      "/connectors/cinatra-ai/mcp-client-registry-connector/setup";

  @TempDir Path workDir;

  @Test
  void theOperatorsPages_doWhatTheySay_inARealBrowser() throws Exception {
    List<String> deliveries = Collections.synchronizedList(new ArrayList<>());
    // The webhook holds the run in its step until the test has seen the page say "running".
    CountDownLatch seenRunning = new CountDownLatch(1);
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          deliveries.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
          try {
            seenRunning.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    receiver.start();
    int port = CinatraJar.freePort();
    String base = "http://127.0.0.1:" + port;
    CinatraJar jar = new CinatraJar(workDir, Map.of("CINATRA_BASE_URL", base));
    Path examples = Path.of("..", "examples", "agents").toAbsolutePath();
    try (var files = Files.list(examples)) {
      List<String> install = new ArrayList<>(List.of("agent", "install"));
      files.map(Path::toString).sorted().forEach(install::add);
      jar.ok("", install.toArray(String[]::new));
    }
    jar.ok(
        "",
        "connector",
        "webhook",
        "--url",
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    try (CinatraJar.Server server =
            jar.server(
                port,
                CinatraJar.freePort(),
                List.of("-Ddw.runs.pollingInterval=200ms", "-Ddw.runs.heartbeatInterval=1s"));
        Chromium admin = new Chromium();
        Chromium member = new Chromium()) {
      Jdbi database = jar.embeddedDatabase();

      // First run: never through a proxy, even one on this machine.
      HttpResponse<String> proxied =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/setup"))
                      .header("X-Forwarded-For", "203.0.113.7")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(proxied.statusCode()).isEqualTo(404);
      assertThat(proxied.body())
          .as("said without telling whether an account exists")
          .contains("Set-up is not offered here")
          .doesNotContain("Already set up");
      // The person at the machine creates the first admin, and lands on the page.
      admin.open(base + "/setup");
      admin.find("#email").sendKeys(ADMIN);
      admin.find("#password").sendKeys(ADMIN_PASSWORD);
      admin.follow("#create-admin");
      assertThat(admin.driver.getCurrentUrl()).isEqualTo(base + SETUP_PAGE);
      assertThat(admin.text("#signed-in-as")).isEqualTo(ADMIN + " (admin)");
      assertThat(admin.text("#public-url-warning")).contains("Public URL not configured");
      assertThat(admin.has("#copy-panel")).isFalse();
      admin.screenshot("connector-setup-without-public-url");
      HttpResponse<String> setupAgain = new Browser(base).get("/setup");
      assertThat(setupAgain.statusCode()).as("setup is gone").isEqualTo(404);
      assertThat(setupAgain.body()).contains("Already set up", "/sign-in", "account create");

      // A member connected through a Claude client and another client, before the URL is set.
      String oldClaudeToken =
          McpEndpointContract.tokenFor(base, database, MEMBER, base + "/api/mcp", "Claude Code");
      assertThat(RawMcpClient.initialize(base, oldClaudeToken).statusCode()).isEqualTo(200);

      // What a member sees: the page, their own connection, no Disconnect, no full list.
      member.open(base + "/sign-in?return_to=" + SETUP_PAGE);
      member.find("#email").sendKeys(MEMBER);
      member.find("#password").sendKeys(OAuthFlowContract.PASSWORD);
      member.follow("button[type=submit]");
      assertThat(member.driver.getCurrentUrl()).isEqualTo(base + SETUP_PAGE);
      assertThat(member.text("#public-url-warning")).contains("Ask an admin");
      assertThat(member.text("#clients")).contains("Claude Code", MEMBER);
      assertThat(member.has("a.disconnect")).isFalse();
      assertThat(member.has("#all-clients")).isFalse();
      member.open(base + "/configuration/development?tab=tunnel");
      assertThat(member.text("#message")).contains("Only admins");

      // The admin sets the public URL: a bad one is refused saying why, a good one is saved.
      admin.follow("#configure-link");
      admin.find("#url").sendKeys("http://insecure.example.test");
      admin.follow("#save");
      assertThat(admin.text("#error")).contains("must start with https://");
      assertThat(admin.text("#current")).isEqualTo("not set");
      admin.find("#url").clear();
      admin.find("#url").sendKeys(PUBLIC + "/");
      admin.follow("#save");
      assertThat(admin.text("#saved")).contains(PUBLIC + "/api/mcp");
      assertThat(admin.text("#reconnect-warning")).contains("must reconnect");
      assertThat(admin.text("#current")).isEqualTo(PUBLIC);
      admin.screenshot("tunnel-public-url");

      // Tokens issued for the old address are refused, saying why.
      HttpResponse<String> refused = RawMcpClient.initialize(base, oldClaudeToken);
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow())
          .contains("public URL changed");

      // Reconnected: a Claude client, another client, and a Claude client with a hostile name.
      String claudeToken =
          McpEndpointContract.tokenFor(
              base, database, MEMBER, PUBLIC + "/api/mcp", "Claude Desktop");
      String otherToken =
          McpEndpointContract.tokenFor(base, database, MEMBER, PUBLIC + "/api/mcp", "Other tool");
      McpEndpointContract.tokenFor(
          base, database, MEMBER, PUBLIC + "/api/mcp", "claude <script>alert(1)</script>");
      assertThat(RawMcpClient.initialize(base, claudeToken).statusCode()).isEqualTo(200);
      assertThat(RawMcpClient.initialize(base, otherToken).statusCode()).isEqualTo(200);

      admin.open(base + SETUP_PAGE);
      assertThat(admin.find("#mcp-server-url").getAttribute("value"))
          .isEqualTo(PUBLIC + "/api/mcp");
      assertThat(admin.text("#steps")).contains("Add custom connector", "Connect");
      List<String> names =
          admin.driver.findElements(By.cssSelector("#clients .client-name")).stream()
              .map(WebElement::getText)
              .toList();
      assertThat(names)
          .contains("Claude Desktop", "claude <script>alert(1)</script>")
          .doesNotContain("Other tool");
      assertThatThrownBy(() -> admin.driver.switchTo().alert())
          .as("a client's name is text, never script")
          .isInstanceOf(NoAlertPresentException.class);
      assertThat(admin.text("#filter-note")).contains("other clients may be connected");
      assertThat(admin.text("#claude-code-note")).contains("MCP CLI Proxy");
      assertThat(row(admin, "Claude Desktop").getText()).contains("(self-declared name)");
      assertThat(admin.has("#all-clients")).isTrue();
      admin.screenshot("connector-setup");
      admin.find("#copy").click();
      admin.awaitText("#copy", "Copied", WAIT);
      assertThat(
              admin.driver.executeScript(
                  "const f = document.getElementById('mcp-server-url');"
                      + " return document.activeElement === f && f.selectionStart === 0"
                      + " && f.selectionEnd === f.value.length;"))
          .as("the URL is selected, as copied")
          .isEqualTo(true);

      // Forms posted without this session's CSRF token change nothing.
      String cookie =
          "cinatra_session=" + admin.driver.manage().getCookieNamed("cinatra_session").getValue();
      HttpResponse<String> forged =
          postForm(
              base + "/configuration/development?tab=tunnel",
              cookie,
              "url=https%3A%2F%2Fevil.example.test&csrf=guess");
      assertThat(forged.statusCode()).isEqualTo(403);
      assertThat(forged.body()).contains("nothing was changed");
      String claudeDesktopId = row(admin, "Claude Desktop").getAttribute("data-client-id");
      assertThat(
              postForm(
                      base
                          + "/connectors/cinatra-ai/mcp-client-registry-connector/clients/disconnect?client="
                          + claudeDesktopId,
                      cookie,
                      "")
                  .statusCode())
          .isEqualTo(403);
      assertThat(new Browser(base).get("/.well-known/oauth-authorization-server").body())
          .contains("\"issuer\":\"" + PUBLIC + "\"");
      assertThat(RawMcpClient.initialize(base, claudeToken).statusCode()).isEqualTo(200);

      // Disconnect Claude Desktop, confirmed: its token is refused at once, the other still works.
      admin.follow(row(admin, "Claude Desktop").findElement(By.cssSelector("a.disconnect")));
      assertThat(admin.text("#consequence")).contains("loses access at once");
      admin.follow("#confirm-disconnect");
      assertThat(admin.text("#disconnected")).contains("Claude Desktop was disconnected");
      assertThat(row(admin, "Claude Desktop").getText()).doesNotContain(MEMBER);
      assertThat(RawMcpClient.initialize(base, claudeToken).statusCode()).isEqualTo(401);
      assertThat(RawMcpClient.initialize(base, otherToken).statusCode()).isEqualTo(200);
      assertThat(row(admin, "Claude Code").getText()).as("only that client").contains(MEMBER);

      // The run page: a run waiting for approval, approved in the page, completing live.
      RawMcpClient mcp = new RawMcpClient(base, otherToken);
      String runId =
          mcp.ok(
                  "agent_run",
                  "{\"agentId\":\"approve-and-notify\",\"inputs\":{\"recipient\":\"Ada\",\"amount\":12}}")
              .get("runId")
              .asText();
      mcp.pollUntil(runId, "pending_approval");
      member.open(base + "/agents/status/" + runId);
      assertThat(member.text("#status")).isEqualTo("pending_approval");
      assertThat(member.text("#proposed")).contains("\"amount\" : 12");
      member.screenshot("run-waiting-for-approval");
      member.find("#note").sendKeys("fine by me");
      member.follow("#approve");
      assertThat(member.text("#status")).isEqualTo("running");
      member.driver.executeScript("window.stayedOnThePage = true;");
      seenRunning.countDown();
      member.awaitText("#status", "completed", WAIT);
      assertThat(member.driver.executeScript("return window.stayedOnThePage === true;"))
          .as("completed arrived over the stream, not by a reload")
          .isEqualTo(true);
      new org.openqa.selenium.support.ui.WebDriverWait(member.driver, WAIT)
          .until(d -> member.text("#events").contains("The run ended: completed."));
      assertThat(member.text("#events"))
          .as("events in words, appended live")
          .contains("RESUME", "TOOL_CALL_RESULT", "RUN_FINISHED")
          .contains("A person answered step", "Calling webhook_post.", "It answered")
          .doesNotContain("{\"stepName\"");
      member.screenshot("run-completed");
      assertThat(deliveries).containsExactly(runId + ":notify");

      // A rejection in the page stops the run; nothing is sent.
      String rejected =
          mcp.ok(
                  "agent_run",
                  "{\"agentId\":\"approve-and-notify\",\"inputs\":{\"recipient\":\"Bo\",\"amount\":3}}")
              .get("runId")
              .asText();
      mcp.pollUntil(rejected, "pending_approval");
      member.open(base + "/agents/status/" + rejected);
      member.follow("#reject");
      member.awaitText("#status", "stopped", WAIT);
      assertThat(deliveries).hasSize(1);

      // Someone else's run is not found, even by guessing its id; admins see every run.
      admin.open(base + "/agents/status/" + runId);
      assertThat(admin.text("#status")).isEqualTo("completed");
    } finally {
      receiver.stop(0);
    }
  }

  private static HttpResponse<String> postForm(String url, String cookie, String form)
      throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static WebElement row(Chromium browser, String clientName) {
    return browser.driver.findElements(By.cssSelector("#clients tr.client")).stream()
        .filter(r -> r.findElement(By.cssSelector(".client-name")).getText().equals(clientName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + clientName));
  }
}
