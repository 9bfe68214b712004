package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real MCP clients written by others against the real jar: the official TypeScript SDK client with
 * its OAuth client provider, and mcp-remote (the stdio bridge Claude Code and Claude Desktop use),
 * each from nothing (401, discovery, registration, sign-in, consent, PKCE, tokens) to tools/list
 * and a tools/call. (The SDK client's run of the approval agent is {@link SdkRunScenarioIT}.)
 */
class RealMcpClientsIT {
  private static Path client;

  @TempDir Path workDir;

  @BeforeAll
  static void installTheSdk() throws Exception {
    client = NodeClients.install();
  }

  private static final String PASSWORD = "a long enough password";

  /**
   * Starts the jar with an account, runs one client script against it as that account, and returns
   * the JSON line the script printed.
   */
  private JsonNode runClient(String script, String email, String role, String... extraArgs)
      throws Exception {
    int port = CinatraJar.freePort();
    String base = "http://127.0.0.1:" + port;
    CinatraJar jar = new CinatraJar(workDir, Map.of("CINATRA_BASE_URL", base));
    jar.ok(PASSWORD + "\n", "account", "create", "--email", email, "--role", role);
    try (CinatraJar.Server server = jar.server(port, CinatraJar.freePort())) {
      List<String> command =
          new java.util.ArrayList<>(List.of("node", script, base, email, PASSWORD));
      command.addAll(List.of(extraArgs));
      Process node = new ProcessBuilder(command).directory(client.toFile()).start();
      String stdout = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String stderr = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(node.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(node.exitValue()).as(stderr + stdout).isZero();
      JsonNode saw = new ObjectMapper().readTree(stdout.strip());
      ((com.fasterxml.jackson.databind.node.ObjectNode) saw).put("base", base);
      return saw;
    }
  }

  @Test
  void sdkClient_connectsFromNothing_toToolsListAndCall() throws Exception {
    JsonNode saw = runClient("oauth-mcp-client.mjs", "dev@example.org", "member");

    String base = saw.get("base").asText();
    assertThat(saw.get("registered").asText()).startsWith("mcp_");
    assertThat(saw.get("authorizationUrl").asText())
        .startsWith(base + "/oauth/authorize?")
        .contains("code_challenge_method=S256");
    assertThat(saw.get("iss").asText()).isEqualTo(base);
    assertThat(saw.get("protocolVersion").asText()).isEqualTo("2025-11-25");
    assertThat(saw.get("tools").toString()).contains("\"whoami\"");
    assertThat(saw.get("whoami").get("email").asText()).isEqualTo("dev@example.org");
    assertThat(saw.get("whoami").get("role").asText()).isEqualTo("member");
    assertThat(saw.get("whoami").get("clientId").asText())
        .isEqualTo(saw.get("registered").asText());
    assertThat(saw.get("hasRefreshToken").asBoolean()).isTrue();
  }

  @Test
  void mcpRemote_bridgesStdioToTheServer_fromNothingToToolsCall() throws Exception {
    JsonNode saw =
        runClient(
            "mcp-remote-client.mjs",
            "cc@example.org",
            "viewer",
            String.valueOf(CinatraJar.freePort()));

    assertThat(saw.get("authorized").asBoolean()).isTrue();
    assertThat(saw.get("server").get("name").asText()).isEqualTo("cinatra");
    assertThat(saw.get("tools").toString()).contains("\"whoami\"");
    assertThat(saw.get("whoami").get("email").asText()).isEqualTo("cc@example.org");
    assertThat(saw.get("whoami").get("role").asText()).isEqualTo("viewer");
  }
}
