package ai.cinatra.adapters.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is read from the resources: every admin operation is in it, with bearer. */
class OpenApiResourceTest {
  @Test
  void theDocument_describesEveryAdminOperation_andTheBearerScheme() throws Exception {
    JsonNode doc =
        new ObjectMapper().readTree((String) new OpenApiResource("test").get().getEntity());
    List<String> operations = new ArrayList<>();
    doc.get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(m -> operations.add(m.toUpperCase() + " " + path.getKey())));
    assertThat(operations)
        .containsExactlyInAnyOrder(
            "GET /api/admin/public-url",
            "PUT /api/admin/public-url",
            "GET /api/admin/clients",
            "POST /api/admin/clients/{clientId}/disconnect",
            "POST /api/admin/clients/disconnect",
            "GET /api/admin/accounts",
            "POST /api/admin/accounts",
            "PUT /api/admin/accounts/{accountId}/role",
            "POST /api/admin/accounts/{accountId}/disable",
            "GET /api/admin/connectors",
            "PUT /api/admin/connectors/{name}",
            "GET /api/admin/agents",
            "PUT /api/admin/agents/{agentId}",
            "GET /api/admin/runs",
            "GET /api/admin/audit");
    assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    assertThat(
            doc.at(
                    "/paths/~1api~1admin~1accounts/post/responses/201/content/application~1json/schema/$ref")
                .asText())
        .endsWith("/CreatedAccountView");
    assertThat(doc.at("/components/schemas/ClientView/properties").has("connectedAccounts"))
        .isTrue();
  }
}
