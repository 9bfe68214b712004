package ai.cinatra.bootstrap.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.bootstrap.CinatraJar;
import ai.cinatra.bootstrap.ExternalClients;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two more clients written by others, pinned, against the jar: the official MCP Python SDK client
 * ({@code mcp} 2.3.0 from PyPI, in a virtualenv) with its own OAuth provider, from nothing to
 * tools/call, negotiating 2026-07-28 by itself and 2025-11-25 when told to use the handshake; and
 * the MCP Inspector CLI (2.12.0) with a bearer header, in both of its protocol eras, refused with a
 * token the server did not issue. (The TypeScript SDK and mcp-remote are in RealMcpClientsIT, the
 * conformance suite in McpConformanceIT.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalClientsIT {
  static final String EMAIL = "py@example.org";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path workDir;
  private CinatraJar.Server server;
  private String base;

  @BeforeAll
  void installTheClientsAndStartTheJar() throws Exception {
    ExternalClients.installPython();
    ExternalClients.installInspector();
    int port = CinatraJar.freePort();
    base = "http://127.0.0.1:" + port;
    CinatraJar jar = new CinatraJar(workDir, Map.of("CINATRA_BASE_URL", base));
    jar.ok(OAuthFlowContract.PASSWORD + "\n", "account", "create", "--email", EMAIL);
    server = jar.server(port, CinatraJar.freePort());
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest(name = "mode {0} speaks {1}")
  @CsvSource({"auto, 2026-07-28", "legacy, 2025-11-25"})
  void pythonSdkClient_connectsFromNothing_withItsOAuthProvider(String mode, String revision)
      throws Exception {
    CinatraJar.Outcome outcome =
        ExternalClients.python(base, EMAIL, OAuthFlowContract.PASSWORD, mode);
    assertThat(outcome.exitCode()).as(outcome.stderr() + outcome.stdout()).isZero();
    JsonNode saw = JSON.readTree(outcome.stdout().strip());

    assertThat(saw.get("registered").asText()).startsWith("mcp_");
    assertThat(saw.get("authorizationUrl").asText())
        .startsWith(base + "/oauth/authorize?")
        .contains("code_challenge_method=S256")
        .contains("resource=" + java.net.URLEncoder.encode(base + "/api/mcp", "UTF-8"));
    assertThat(saw.get("protocolVersion").asText()).isEqualTo(revision);
    assertThat(saw.get("tools").toString()).contains("\"whoami\"").contains("\"agent_run\"");
    assertThat(saw.get("isError").asBoolean()).isFalse();
    assertThat(saw.get("whoami").get("email").asText()).isEqualTo(EMAIL);
    assertThat(saw.get("whoami").get("clientId").asText())
        .isEqualTo(saw.get("registered").asText());
    assertThat(saw.get("hasRefreshToken").asBoolean()).isTrue();
  }

  @ParameterizedTest(name = "era {0}")
  @CsvSource({"legacy", "modern"})
  void inspectorCli_withABearerHeader_listsToolsAndCallsOne(String era) throws Exception {
    ClaudeLikeClient person = new ClaudeLikeClient(base, base + "/api/mcp");
    String token = person.connect(person.registerTwice(), EMAIL).path("access_token").asText();
    Path home = Files.createTempDirectory(workDir, "inspector-home");

    JsonNode tools = inspector(home, era, token, "--method", "tools/list");
    assertThat(tools.path("result").path("tools").findValuesAsText("name"))
        .contains("whoami", "agent_run", "objects_list");

    JsonNode whoami =
        inspector(home, era, token, "--method", "tools/call", "--tool-name", "whoami");
    assertThat(whoami.path("result").path("isError").asBoolean(true)).isFalse();
    assertThat(whoami.path("result").path("structuredContent").path("email").asText())
        .isEqualTo(EMAIL);
    if (era.equals("modern")) {
      assertThat(whoami.path("result").path("resultType").asText()).isEqualTo("complete");
    }

    // A token this server did not issue is refused: the Inspector is sent to sign in instead.
    CinatraJar.Outcome refused =
        ExternalClients.inspector(home, args(era, "not-a-token", "--method", "tools/list"));
    assertThat(refused.exitCode()).as(refused.stdout()).isNotZero();
    assertThat(refused.stdout()).doesNotContain("whoami");
    assertThat(refused.stderr()).contains("auth");
  }

  private JsonNode inspector(Path home, String era, String token, String... method)
      throws Exception {
    CinatraJar.Outcome outcome = ExternalClients.inspector(home, args(era, token, method));
    assertThat(outcome.exitCode()).as(outcome.stderr() + outcome.stdout()).isZero();
    return JSON.readTree(outcome.stdout().strip());
  }

  private String[] args(String era, String token, String... method) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                base + "/api/mcp",
                "--transport",
                "http",
                "--header",
                "Authorization: Bearer " + token,
                "--format",
                "json",
                "--protocol-era",
                era));
    args.addAll(java.util.List.of(method));
    return args.toArray(String[]::new);
  }
}
