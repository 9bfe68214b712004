package ai.cinatra.bootstrap.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.persistence.JdbiSetup;
import ai.cinatra.bootstrap.CinatraJar;
import ai.cinatra.bootstrap.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of the real jar on one PostgreSQL, each keeping grants, accounts and sessions in
 * memory: a demotion, a disable and a disconnect made through node A decide the very next request
 * on A, and reach node B within a second (the shared change counter it polls).
 */
class TwoNodeAccessIT {
  private static final String BASE = "http://localhost:3000";

  @TempDir Path workDir;

  @Test
  void aDemotionADisableAndADisconnect_actOnTheNextRequestHere_andWithinASecondOnTheOtherNode()
      throws Exception {
    String schema = TestPostgres.createSchema("twoaccess");
    Jdbi database =
        JdbiSetup.configure(
            Jdbi.create(TestPostgres.urlFor(schema), TestPostgres.USER, TestPostgres.PASSWORD));
    CinatraJar jar = new CinatraJar(workDir, TestPostgres.jarEnvironment(schema, BASE));
    jar.ok("", "account", "list"); // creates the schema before two nodes race to
    OAuthFlowContract.createAccount(database, "admin@example.org");
    database.useHandle(
        h -> h.execute("update accounts set role = 'ADMIN' where email = 'admin@example.org'"));
    int portA = CinatraJar.freePort();
    int portB = CinatraJar.freePort();
    try (CinatraJar.Server a = jar.server(portA, CinatraJar.freePort());
        CinatraJar.Server b = jar.server(portB, CinatraJar.freePort())) {
      String urlA = "http://127.0.0.1:" + portA;
      String urlB = "http://127.0.0.1:" + portB;
      String resource = BASE + "/api/mcp";
      RawMcpClient admin =
          new RawMcpClient(
              urlA, McpEndpointContract.tokenFor(urlA, database, "admin@example.org", resource));
      String memberToken =
          McpEndpointContract.tokenFor(urlA, database, "member@example.org", resource);
      RawMcpClient memberOnA = new RawMcpClient(urlA, memberToken);
      RawMcpClient memberOnB = new RawMcpClient(urlB, memberToken);
      String memberId = memberOnA.ok("whoami", "{}").get("accountId").asText();
      assertThat(memberOnB.ok("whoami", "{}").get("role").asText()).isEqualTo("member");
      List<String> seenOnB = new ArrayList<>();

      admin.ok("accounts_role_update", "{\"accountId\":\"" + memberId + "\",\"role\":\"viewer\"}");
      assertThat(memberOnA.ok("whoami", "{}").get("role").asText()).isEqualTo("viewer");
      seenOnB.add(
          "demotion "
              + AnotherNode.awaitSeen(
                  "the demotion on node B",
                  () -> memberOnB.ok("whoami", "{}").get("role").asText().equals("viewer")));

      String otherToken =
          McpEndpointContract.tokenFor(
              urlA, database, "other@example.org", resource, "Claude other-" + memberId);
      assertThat(new RawMcpClient(urlB, otherToken).ok("whoami", "{}").get("email").asText())
          .isEqualTo("other@example.org");
      admin.ok("accounts_disable", "{\"accountId\":\"" + memberId + "\"}");
      assertThat(RawMcpClient.initialize(urlA, memberToken).statusCode()).isEqualTo(401);
      seenOnB.add(
          "disable "
              + AnotherNode.awaitSeen(
                  "the disable on node B",
                  () -> RawMcpClient.initialize(urlB, memberToken).statusCode() == 401));

      String otherClient = clientOf(admin, "other-" + memberId);
      admin.ok("mcp_client_disconnect", "{\"clientId\":\"" + otherClient + "\"}");
      assertThat(RawMcpClient.initialize(urlA, otherToken).statusCode()).isEqualTo(401);
      seenOnB.add(
          "disconnect "
              + AnotherNode.awaitSeen(
                  "the disconnect on node B",
                  () -> RawMcpClient.initialize(urlB, otherToken).statusCode() == 401));
      System.out.println("two nodes, seen on B after: " + seenOnB);
    }
  }

  private static String clientOf(RawMcpClient admin, String name) throws Exception {
    var clients =
        admin.ok("mcp_clients_list", "{\"nameContains\":\"" + name + "\"}").get("clients");
    assertThat(clients).hasSize(1);
    return clients.get(0).get("clientId").asText();
  }
}
