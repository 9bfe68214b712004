package ai.cinatra.adapters.http.mcp.tool.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.adapters.http.mcp.jsonrpc.JsonRpc;
import ai.cinatra.adapters.http.mcp.jsonrpc.McpProtocolException;
import ai.cinatra.adapters.http.mcp.tool.run.RunTasks.Shape;
import ai.cinatra.application.port.in.run.RunsUseCase.RunView;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.agent.AgentId;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.GrantId;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.PendingApproval;
import ai.cinatra.domain.run.RunId;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The run-to-task mapping: statuses in both revisions, the result, and what cancel refuses. */
class RunTasksTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Actor MEMBER =
      new Actor(
          AccountId.random(),
          new Email("m@example.org"),
          Role.MEMBER,
          new ClientId("mcp_c"),
          GrantId.random(),
          Set.of());

  private final FakeRuns runs = new FakeRuns();
  private final RunTasks tasks = new RunTasks(runs, () -> "https://cinatra.example");

  private AgentRun queued() {
    return AgentRun.queue(
        RunId.random(),
        new AgentId("payout"),
        MEMBER.account(),
        Map.of(),
        Optional.empty(),
        FakeRuns.T0);
  }

  private AgentRun paused() {
    return queued()
        .start(FakeRuns.T0)
        .pause(new PendingApproval("approve", Map.of("type", "object"), Map.of()));
  }

  @Test
  void theTaskStatus_followsTheRun_inEachRevision() {
    AgentRun running = queued().start(FakeRuns.T0);
    AgentRun failed = running.fail("the webhook answered 500", FakeRuns.T0);
    for (Shape shape : Shape.values()) {
      assertThat(RunTasks.status(queued(), shape)).isEqualTo("working");
      assertThat(RunTasks.status(running, shape)).isEqualTo("working");
      assertThat(RunTasks.status(paused(), shape)).isEqualTo("input_required");
      assertThat(RunTasks.status(running.complete(FakeRuns.T0), shape)).isEqualTo("completed");
      assertThat(RunTasks.status(running.stop(FakeRuns.T0), shape)).isEqualTo("cancelled");
      assertThat(RunTasks.status(running.requestStop(FakeRuns.T0), shape))
          .as("a stop asked for is cancelled at once, and stays so")
          .isEqualTo("cancelled");
    }
    assertThat(RunTasks.status(failed, Shape.CORE_2025)).isEqualTo("failed");
    assertThat(RunTasks.status(failed, Shape.EXTENSION_2026))
        .as("2026-07-28 keeps failed for JSON-RPC errors; a failed run is an isError result")
        .isEqualTo("completed");
    assertThat(
            tasks
                .task(new RunView(failed, List.of(), 0, 2000), Shape.EXTENSION_2026)
                .at("/result/isError")
                .asBoolean())
        .isTrue();
  }

  @Test
  void theResult_isTheRunsOutcome_andEachShapeSpellsItsFields() {
    AgentRun done =
        queued().start(FakeRuns.T0).stepDone("hello", Map.of("said", "hi")).complete(FakeRuns.T0);
    var core = tasks.task(new RunView(done, List.of(), 0, 2000), Shape.CORE_2025);
    assertThat(core.has("ttl")).isTrue();
    assertThat(core.has("pollInterval")).as("an ended task is not polled").isFalse();
    assertThat(core.has("result")).as("2025-11-25 gives the result through tasks/result").isFalse();
    var extension = tasks.task(new RunView(queued(), List.of(), 0, 100), Shape.EXTENSION_2026);
    assertThat(extension.has("ttlMs")).isTrue();
    assertThat(extension.get("pollIntervalMs").asInt()).as("never under the floor").isEqualTo(500);

    var result = tasks.result(new RunView(done, List.of(), 0, 2000));
    assertThat(result.path("isError").asBoolean()).isFalse();
    assertThat(result.at("/structuredContent/outputs/hello/said").asText()).isEqualTo("hi");
    assertThat(result.at("/structuredContent/runUrl").asText())
        .isEqualTo("https://cinatra.example/agents/status/" + done.id());
  }

  @Test
  void cancel_stopsAWaitingRun_andAnEndedTaskIsRefusedOnlyIn2025() throws Exception {
    AgentRun waiting = runs.put(paused());
    var byId = JSON.readTree("{\"taskId\":\"" + waiting.id() + "\"}");
    assertThat(tasks.cancel(MEMBER, byId, true).run().status().wireName()).isEqualTo("stopped");
    assertThatThrownBy(() -> tasks.cancel(MEMBER, byId, true))
        .isInstanceOfSatisfying(
            McpProtocolException.class,
            e -> assertThat(e.code()).isEqualTo(JsonRpc.INVALID_PARAMS));
    assertThat(tasks.cancel(MEMBER, byId, false).run().status().wireName())
        .as("2026-07-28 acknowledges")
        .isEqualTo("stopped");
  }
}
