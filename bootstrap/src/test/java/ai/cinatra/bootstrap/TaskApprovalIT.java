package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approval example as an MCP task, through a 2025-11-25 client that supports tasks: the
 * official TypeScript SDK client starts agent_run as a task, polls it, answers the approval the
 * task asks for on its tasks/result stream, and gets the run's result; a second run started as a
 * task is cancelled while it waits, which stops it. The real jar, the real client, a local webhook
 * receiver for the payout.
 */
class TaskApprovalIT {

  @TempDir Path workDir;

  @Test
  void theApprovalExample_runsAsATask_answeredThroughTheTask_andACancelStopsTheRun()
      throws Exception {
    ApprovalExampleClient.Outcome outcome =
        ApprovalExampleClient.run(workDir, "sdk-task-approval.mjs");
    JsonNode saw = outcome.saw();
    List<String> deliveries = outcome.deliveries();

    assertThat(saw.at("/serverTasks/requests/tools/call").isObject()).as(saw.toString()).isTrue();
    String taskId = saw.at("/created/taskId").asText();
    assertThat(saw.at("/created/status").asText()).isEqualTo("working");
    assertThat(saw.get("error")).as(saw.toString()).isNull();
    assertThat(saw.get("statuses").toString()).contains("input_required");

    JsonNode question = saw.at("/asked/0");
    assertThat(saw.get("asked")).hasSize(1);
    assertThat(question.at("/_meta/io.modelcontextprotocol~1related-task/taskId").asText())
        .as("the question says which task it belongs to")
        .isEqualTo(taskId);
    assertThat(question.get("message").asText()).contains("amount = 12");

    JsonNode result = saw.get("result");
    assertThat(result.get("isError").asBoolean()).as(result.toString()).isFalse();
    assertThat(result.at("/structuredContent/runId").asText()).isEqualTo(taskId);
    assertThat(result.at("/structuredContent/status").asText()).isEqualTo("completed");
    assertThat(result.at("/structuredContent/outputs/approve/note").asText())
        .isEqualTo("answered as a task");
    assertThat(result.at("/_meta/io.modelcontextprotocol~1related-task/taskId").asText())
        .isEqualTo(taskId);
    assertThat(saw.at("/afterwards/status").asText()).isEqualTo("completed");

    assertThat(saw.get("secondWaiting").asText()).isEqualTo("input_required");
    assertThat(saw.at("/cancelled/status").asText()).isEqualTo("cancelled");
    assertThat(saw.at("/secondAfter/status").asText()).isEqualTo("cancelled");
    assertThat(saw.get("cancelAgain").asText())
        .as("an ended task is not cancelled twice")
        .contains("-32602");
    assertThat(saw.get("listed").toString())
        .contains(taskId, saw.at("/secondAfter/taskId").asText());
    assertThat(deliveries)
        .as("only the task answered in the client paid out, with the amount chosen there")
        .singleElement()
        .satisfies(d -> assertThat(d).contains("\"amount\":7", "answered as a task"));
  }
}
