package ai.cinatra.adapters.http.mcp;

import ai.cinatra.adapters.http.mcp.jsonrpc.JsonRpc;
import ai.cinatra.adapters.http.mcp.jsonrpc.McpProtocolException;
import ai.cinatra.adapters.http.mcp.tool.ClientRequestFailedException;
import ai.cinatra.adapters.http.mcp.tool.McpToolCatalog;
import ai.cinatra.adapters.http.mcp.tool.McpToolContext;
import ai.cinatra.adapters.http.mcp.tool.run.RunTasks;
import ai.cinatra.adapters.http.mcp.tool.run.RunTasks.Shape;
import ai.cinatra.application.error.ApplicationException;
import ai.cinatra.application.port.in.run.RunsUseCase.RunView;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.mcp.McpSession;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.RunStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

/**
 * MCP 2025-11-25 tasks on a session: a tools/call with a {@code task} param starts an agent run and
 * answers with the task at once; tasks/get, tasks/list and tasks/cancel read and stop it; and
 * tasks/result waits on an SSE stream until the run ends, asking the person (elicitation/create,
 * tied to the task) when the run waits for approval and the client can ask them. Sessions on
 * earlier revisions have none of this: tasks came with 2025-11-25.
 */
final class SessionTasks {
  static final String REVISION = "2025-11-25";

  private static final Set<String> METHODS =
      Set.of("tasks/get", "tasks/list", "tasks/cancel", "tasks/result");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** What a client model is told at once while the run goes on (the spec's non-binding hint). */
  private static final String IMMEDIATE_RESPONSE =
      "io.modelcontextprotocol/model-immediate-response";

  /** How often a waiting tasks/result looks at the run, and proves the client is still there. */
  private static final Duration LOOK_EVERY = Duration.ofMillis(250);

  private static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private final RunTasks tasks;
  private final McpToolCatalog tools;
  private final StreamHub hub;
  private final McpLimits limits;

  SessionTasks(RunTasks tasks, McpToolCatalog tools, StreamHub hub, McpLimits limits) {
    this.tasks = tasks;
    this.tools = tools;
    this.hub = hub;
    this.limits = limits;
  }

  /** The tasks capability initialize declares on a session that speaks 2025-11-25. */
  static void addCapabilities(ObjectNode capabilities) {
    ObjectNode declared = capabilities.putObject("tasks");
    declared.putObject("list");
    declared.putObject("cancel");
    declared.putObject("requests").putObject("tools").putObject("call");
  }

  /** Whether this request is a task matter on this session. */
  boolean handles(McpSession session, String method, JsonNode params) {
    if (!REVISION.equals(session.protocolVersion())) {
      return false;
    }
    return METHODS.contains(method)
        || ("tools/call".equals(method) && params.hasNonNull("task") && params.isObject());
  }

  McpReply answer(
      JsonNode id,
      String method,
      JsonNode params,
      Actor actor,
      McpSession session,
      boolean clientTakesStream) {
    if (!params.isObject()) {
      throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "params must be an object");
    }
    return switch (method) {
      case "tools/call" -> json(id, start(params, actor, session));
      case "tasks/get" -> json(id, tasks.task(tasks.view(actor, params), Shape.CORE_2025));
      case "tasks/list" -> json(id, tasks.list(actor, params));
      case "tasks/cancel" ->
          json(id, tasks.task(tasks.cancel(actor, params, true), Shape.CORE_2025));
      default -> result(id, params, actor, session, clientTakesStream);
    };
  }

  /** A task-augmented tools/call: the tool starts the run, and the answer is its task. */
  private ObjectNode start(JsonNode params, Actor actor, McpSession session) {
    if (!params.get("task").isObject()) {
      throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "task must be an object");
    }
    if (!params.path("name").isTextual()) {
      throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "tools/call needs a tool name");
    }
    String name = params.get("name").asText();
    if (!tools.runsAsTask(name)) {
      // The spec: a tool whose taskSupport is absent or forbidden is not called as a task.
      throw new McpProtocolException(
          JsonRpc.METHOD_NOT_FOUND, "tool " + name + " does not run as a task; call it plainly");
    }
    JsonNode arguments = params.get("arguments");
    if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
      throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "arguments must be an object");
    }
    ObjectNode started = tools.call(name, actor, arguments, CallContexts.plain(session));
    if (started.path("isError").asBoolean(false)) {
      // No task was made: the refusal (bad inputs, role) is this request's error.
      throw new McpProtocolException(
          JsonRpc.INVALID_PARAMS, started.at("/content/0/text").asText("the run was not started"));
    }
    RunView view = tasks.started(actor, started);
    ObjectNode result = NODES.objectNode();
    result.set("task", tasks.task(view, Shape.CORE_2025));
    result
        .putObject("_meta")
        .put(
            IMMEDIATE_RESPONSE,
            "Started agent run "
                + view.run().id()
                + " as a task; its result follows when the run ends.");
    return result;
  }

  /**
   * tasks/result: an ended run's result at once; otherwise an SSE stream that waits for the end, as
   * the spec requires, while the client stays connected.
   */
  private McpReply result(
      JsonNode id, JsonNode params, Actor actor, McpSession session, boolean clientTakesStream) {
    RunView view = tasks.view(actor, params);
    if (RunTasks.ended(view.run()) || view.run().stopRequested()) { // cancelled is final too
      return json(id, related(tasks.result(view), view));
    }
    if (!clientTakesStream || !limits.streams()) {
      throw new McpProtocolException(
          JsonRpc.INVALID_REQUEST,
          "task "
              + view.run().id()
              + " has not ended; tasks/result waits for it on an SSE stream (Accept:"
              + " text/event-stream), or poll tasks/get");
    }
    LiveStream live = hub.newPostStream(session);
    live.prime(limits.retry(), 0);
    try {
      hub.run(
          live,
          () -> {
            ObjectNode response = waitForEnd(id, params, actor, live);
            if (response != null) {
              live.send(response.toString(), true);
            }
          });
    } catch (RejectedExecutionException e) {
      live.detach();
      return McpReply.busy(id);
    }
    return McpReply.stream(live);
  }

  /**
   * Looks at the run until it ends; a pause is put to the person once per pause when the client
   * declared elicitation. Null when the client went away or the server stops: nobody waits.
   */
  private ObjectNode waitForEnd(JsonNode id, JsonNode params, Actor actor, LiveStream live) {
    McpToolContext client = CallContexts.streaming(hub, live, null);
    String askedAt = null;
    long lastBeat = System.nanoTime();
    try {
      while (true) {
        RunView view = tasks.view(actor, params);
        AgentRun run = view.run();
        if (RunTasks.ended(run) || run.stopRequested()) {
          return JsonRpc.result(id, related(tasks.result(view), view));
        }
        String pause = run.status() == RunStatus.PENDING_APPROVAL ? "at " + run.position() : null;
        if (pause != null
            && !pause.equals(askedAt)
            && !run.stopRequested()
            && client.clientCan("elicitation")) {
          askedAt = pause;
          try {
            tasks.askAndResume(actor, run, client);
          } catch (ClientRequestFailedException | ApplicationException | InvalidValueException e) {
            // Not answered here: the run waits for an answer from agent_run_resume or the page.
          }
          continue;
        }
        if (System.nanoTime() - lastBeat > HEARTBEAT.toNanos()) {
          lastBeat = System.nanoTime();
          if (!live.heartbeat()) {
            return null;
          }
        } else if (!live.isOpen()) {
          return null;
        }
        Thread.sleep(Math.max(LOOK_EVERY.toMillis(), limits.pollInterval().toMillis()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (McpProtocolException e) {
      return JsonRpc.error(id, e.code(), e.getMessage());
    }
  }

  /** tasks/result carries the task it belongs to, as the spec requires. */
  private static ObjectNode related(ObjectNode result, RunView view) {
    ObjectNode meta =
        result.has("_meta") ? (ObjectNode) result.get("_meta") : result.putObject("_meta");
    meta.putObject(RunTasks.RELATED_TASK).put("taskId", view.run().id().toString());
    return result;
  }

  private static McpReply json(JsonNode id, ObjectNode result) {
    return McpReply.json(200, JsonRpc.result(id, result));
  }
}
