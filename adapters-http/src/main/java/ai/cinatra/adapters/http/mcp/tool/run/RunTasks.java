package ai.cinatra.adapters.http.mcp.tool.run;

import ai.cinatra.adapters.http.mcp.jsonrpc.JsonRpc;
import ai.cinatra.adapters.http.mcp.jsonrpc.McpProtocolException;
import ai.cinatra.adapters.http.mcp.tool.McpToolContext;
import ai.cinatra.adapters.http.mcp.tool.ToolJson;
import ai.cinatra.application.error.ApplicationException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.port.in.run.RunsUseCase;
import ai.cinatra.application.port.in.run.RunsUseCase.RunPage;
import ai.cinatra.application.port.in.run.RunsUseCase.RunView;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.mcp.LogLevel;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.RunId;
import ai.cinatra.domain.run.RunStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Agent runs as MCP tasks: a run's id is its task id, the task's status follows the run, and its
 * result is the run's outcome as a tool result. The run is the state, durable and on every node, so
 * any node answers for any task. Two shapes: the 2025-11-25 core tasks and the 2026-07-28 tasks
 * extension ({@link Shape}).
 */
public final class RunTasks {
  /** The _meta key that ties a message to its task. */
  public static final String RELATED_TASK = "io.modelcontextprotocol/related-task";

  /** The 2026-07-28 tasks extension's identifier. */
  public static final String EXTENSION = "io.modelcontextprotocol/tasks";

  /** The least poll interval a task suggests; a run's own suggestion may be longer. */
  private static final int MIN_POLL_MS = 500;

  /** The key prefix of an approval question in a 2026-07-28 task's inputRequests. */
  private static final String APPROVAL_KEY = "approval:";

  /** How the task is spelled: 2025-11-25 (ttl, pollInterval) or 2026-07-28 (ttlMs, ...). */
  public enum Shape {
    CORE_2025("ttl", "pollInterval"),
    EXTENSION_2026("ttlMs", "pollIntervalMs");

    private final String ttl;
    private final String pollInterval;

    Shape(String ttl, String pollInterval) {
      this.ttl = ttl;
      this.pollInterval = pollInterval;
    }
  }

  private final RunsUseCase runs;
  private final RunJson json;

  public RunTasks(RunsUseCase runs, Supplier<String> baseUrl) {
    this.runs = runs;
    this.json = new RunJson(baseUrl);
  }

  /**
   * The task's status for a run. A stop asked for is already "cancelled" (the spec: a cancelled
   * task stays cancelled, and the run stops when its current step ends); a paused run needs input;
   * a failed run is "failed" in 2025-11-25, where a tool error fails the task, and "completed" with
   * an isError result in 2026-07-28, where failed means a JSON-RPC error.
   */
  public static String status(AgentRun run, Shape shape) {
    if (run.status() == RunStatus.STOPPED || run.stopRequested()) {
      return "cancelled";
    }
    return switch (run.status()) {
      case QUEUED, RUNNING -> "working";
      case PENDING_APPROVAL -> "input_required";
      case COMPLETED -> "completed";
      case FAILED -> shape == Shape.CORE_2025 ? "failed" : "completed";
      case STOPPED -> "cancelled";
    };
  }

  /** Whether the task has ended: no status follows. */
  public static boolean ended(AgentRun run) {
    return run.status().isTerminal();
  }

  /** The run a tasks/* request's taskId names, as the caller may see it; -32602 otherwise. */
  public RunView view(Actor actor, JsonNode params) {
    JsonNode taskId = params.get("taskId");
    if (taskId == null || !taskId.isTextual()) {
      throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "taskId must be a string");
    }
    try {
      return runs.get(actor, RunId.parse(taskId.asText()), Long.MAX_VALUE);
    } catch (InvalidValueException | NotFoundException e) {
      // Someone else's run and no run at all read the same: nothing tells them apart.
      throw new McpProtocolException(
          JsonRpc.INVALID_PARAMS, "Failed to retrieve task: Task not found");
    }
  }

  /** The run a task-augmented tool call started, from the tool's result. */
  public RunView started(Actor actor, ObjectNode toolResult) {
    String runId = toolResult.path("structuredContent").path("runId").asText("");
    return runs.get(actor, RunId.parse(runId), Long.MAX_VALUE);
  }

  /** The task as tasks/get shows it (2026-07-28 adds the result or the open question). */
  public ObjectNode task(RunView view, Shape shape) {
    AgentRun run = view.run();
    ObjectNode task = ToolJson.object();
    task.put("taskId", run.id().toString());
    String status = status(run, shape);
    task.put("status", status);
    task.put("statusMessage", statusMessage(run));
    task.put("createdAt", run.createdAt().toString());
    task.put("lastUpdatedAt", lastUpdated(run).toString());
    task.putNull(shape.ttl); // a run is kept for good: unlimited
    if (!ended(run)) {
      task.put(shape.pollInterval, Math.max(view.pollAfterMs(), MIN_POLL_MS));
    }
    if (shape == Shape.EXTENSION_2026) {
      switch (status) {
        case "completed" -> task.set("result", result(view));
        case "input_required" ->
            task.putObject("inputRequests").set(approvalKey(run), approvalRequest(run));
        default -> {}
      }
    }
    return task;
  }

  /** The run's outcome as agent_run's tool result: its outputs, or why it failed or stopped. */
  public ObjectNode result(RunView view) {
    AgentRun run = view.run();
    ObjectNode content = ToolJson.object();
    content.put("runId", run.id().toString());
    content.put("status", run.status().wireName());
    content.put("runUrl", json.runUrl(run.id()));
    content.set("outputs", ToolJson.node(run.outputs()));
    run.error().ifPresent(e -> content.put("error", e));
    ObjectNode result = ToolJson.result(statusMessage(run), content);
    if (run.status() != RunStatus.COMPLETED) {
      result.put("isError", true);
    }
    return result;
  }

  /** tasks/list (2025-11-25): the runs the caller may see, newest first, as tasks. */
  public ObjectNode list(Actor actor, JsonNode params) {
    JsonNode cursor = params.get("cursor");
    if (cursor != null && !cursor.isNull() && !cursor.isTextual()) {
      throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "cursor must be a string");
    }
    RunPage page;
    try {
      page =
          runs.list(
              actor,
              Optional.empty(),
              Optional.empty(),
              cursor == null || cursor.isNull() ? Optional.empty() : Optional.of(cursor.asText()));
    } catch (InvalidValueException | ApplicationException e) {
      throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "invalid cursor");
    }
    ObjectNode result = ToolJson.object();
    var tasks = result.putArray("tasks");
    for (AgentRun run : page.runs()) {
      tasks.add(task(new RunView(run, List.of(), 0, MIN_POLL_MS), Shape.CORE_2025));
    }
    page.nextCursor().ifPresent(c -> result.put("nextCursor", c));
    return result;
  }

  /**
   * tasks/cancel: stops the run (a running one when its current step ends, and it reads as
   * cancelled from now on). An ended task cannot be cancelled: 2025-11-25 says -32602 ({@code
   * endedIsError}); 2026-07-28 acknowledges, the task keeping the status it ended with.
   */
  public RunView cancel(Actor actor, JsonNode params, boolean endedIsError) {
    RunView view = view(actor, params);
    if (ended(view.run()) || view.run().stopRequested()) {
      if (!endedIsError) {
        return view;
      }
      throw new McpProtocolException(
          JsonRpc.INVALID_PARAMS,
          "Cannot cancel task: it is already " + status(view.run(), Shape.CORE_2025));
    }
    try {
      return runs.stop(actor, view.run().id());
    } catch (ApplicationException | InvalidValueException e) {
      throw new McpProtocolException(JsonRpc.INVALID_PARAMS, e.getMessage());
    }
  }

  /**
   * Asks the person to answer the paused run through the client (2025-11-25: elicitation/create on
   * the tasks/result stream, tied to the task) and resumes the run with the answer.
   *
   * @throws ai.cinatra.adapters.http.mcp.tool.ClientRequestFailedException when the person did not
   *     answer: the run keeps waiting
   */
  public RunView askAndResume(Actor actor, AgentRun run, McpToolContext client) {
    Map<String, Object> answer = ApprovalQuestion.ask(relatedTo(client, run), run);
    return runs.resume(actor, run.id(), Optional.of(answer), Optional.empty());
  }

  /**
   * tasks/update (2026-07-28): the answer to the open approval question resumes the run; answers to
   * keys not open now (answered before, or never asked) are ignored, as the extension says.
   */
  public void update(Actor actor, JsonNode params) {
    RunView view = view(actor, params);
    JsonNode responses = params.get("inputResponses");
    if (responses == null || !responses.isObject()) {
      throw new McpProtocolException(
          JsonRpc.INVALID_PARAMS, "inputResponses must be an object of results by key");
    }
    AgentRun run = view.run();
    if (run.pendingApproval().isEmpty() || run.stopRequested()) {
      return;
    }
    JsonNode answer = responses.get(approvalKey(run));
    if (answer == null) {
      return;
    }
    if (!answer.isObject()) {
      throw new McpProtocolException(
          JsonRpc.INVALID_PARAMS, "inputResponses." + approvalKey(run) + " must be an object");
    }
    Optional<Map<String, Object>> decided = ApprovalQuestion.decision(answer);
    if (decided.isEmpty()) {
      return; // dismissed: the run keeps waiting, and the question stays open
    }
    try {
      runs.resume(actor, run.id(), decided, Optional.empty());
    } catch (ApplicationException | InvalidValueException e) {
      throw new McpProtocolException(JsonRpc.INVALID_PARAMS, e.getMessage());
    }
  }

  private static ObjectNode approvalRequest(AgentRun run) {
    ObjectNode request = ToolJson.object();
    request.put("method", "elicitation/create");
    ObjectNode params = ApprovalQuestion.params(run);
    params.put("mode", "form");
    request.set("params", params);
    return request;
  }

  /** Unique over the task: the approval step and where the run stands. */
  private static String approvalKey(AgentRun run) {
    return APPROVAL_KEY
        + run.pendingApproval().map(p -> p.stepId()).orElse("")
        + ":"
        + run.position();
  }

  /** A client whose questions say which task they belong to. */
  private static McpToolContext relatedTo(McpToolContext client, AgentRun run) {
    return new McpToolContext() {
      @Override
      public void progress(double progress, Double total, String message) {
        client.progress(progress, total, message);
      }

      @Override
      public void log(LogLevel level, String logger, JsonNode data) {
        client.log(level, logger, data);
      }

      @Override
      public boolean clientCan(String capability) {
        return client.clientCan(capability);
      }

      @Override
      public JsonNode ask(String method, ObjectNode params) {
        ObjectNode meta = params.putObject("_meta");
        meta.putObject(RELATED_TASK).put("taskId", run.id().toString());
        return client.ask(method, params);
      }

      @Override
      public void detach() {
        client.detach();
      }
    };
  }

  private static String statusMessage(AgentRun run) {
    String id = "run " + run.id();
    if (run.stopRequested() && !run.status().isTerminal()) {
      return id + " is stopping: it stops when its current step ends";
    }
    return switch (run.status()) {
      case QUEUED -> id + " is queued";
      case RUNNING -> id + " is running";
      case PENDING_APPROVAL ->
          id
              + " waits for approval at step '"
              + run.pendingApproval().map(p -> p.stepId()).orElse("")
              + "'";
      case COMPLETED -> id + " completed";
      case FAILED -> id + " failed: " + run.error().orElse("no reason recorded");
      case STOPPED -> id + " was stopped";
    };
  }

  /** The latest moment the run is known to have changed. */
  private static Instant lastUpdated(AgentRun run) {
    return run.endedAt().or(run::startedAt).orElse(run.createdAt());
  }
}
