package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approval example answered by the person in their MCP client: the official TypeScript SDK
 * client declares elicitation, agent_run_resume without an answer asks it through
 * elicitation/create on the call's stream, and what the person accepts (or declines) decides the
 * run. The real jar, the real client, a local webhook receiver.
 */
class ElicitedApprovalIT {

  @TempDir Path workDir;

  @Test
  void thePersonAnswersTheApprovalInTheirClient_acceptingSends_decliningStops() throws Exception {
    ApprovalExampleClient.Outcome outcome =
        ApprovalExampleClient.run(workDir, "sdk-elicit-approval.mjs");
    JsonNode saw = outcome.saw();
    List<String> deliveries = outcome.deliveries();

    JsonNode question = saw.at("/asked/0");
    assertThat(question.get("message").asText())
        .contains("approve-and-notify waits for your approval at step 'approve'", "amount = 12");
    assertThat(question.at("/requestedSchema/properties/amount/default").asInt()).isEqualTo(12);
    assertThat(question.at("/requestedSchema/properties/decision/enum").toString())
        .isEqualTo("[\"approve\",\"reject\"]");
    assertThat(saw.get("asked")).hasSize(2);

    assertThat(saw.at("/accepted/resumedStatus").asText()).isEqualTo("running");
    assertThat(saw.at("/accepted/final/status").asText()).as(saw.toString()).isEqualTo("completed");
    assertThat(saw.at("/accepted/final/outputs/approve/note").asText())
        .isEqualTo("asked in the client");
    assertThat(saw.at("/declined/final/status").asText()).isEqualTo("stopped");
    assertThat(deliveries)
        .as("only the accepted run sent its payout, with the amount the person chose")
        .singleElement()
        .satisfies(d -> assertThat(d).contains("\"amount\":7", "asked in the client"));
  }
}
