package ai.cinatra.adapters.http.mcp.tool.run;

import ai.cinatra.adapters.http.mcp.tool.McpTool;
import ai.cinatra.adapters.http.mcp.tool.ToolDescriptors;
import ai.cinatra.adapters.http.mcp.tool.ToolJson;
import ai.cinatra.adapters.http.mcp.tool.ToolSchemas;
import ai.cinatra.adapters.http.mcp.tool.UseCaseTool;
import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.port.in.agent.AgentsUseCase;
import ai.cinatra.application.port.in.run.RunsUseCase;
import ai.cinatra.application.port.in.run.RunsUseCase.RunPage;
import ai.cinatra.application.port.in.run.RunsUseCase.RunView;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.agent.AgentDefinition;
import ai.cinatra.domain.agent.AgentId;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.EventType;
import ai.cinatra.domain.run.RunEvent;
import ai.cinatra.domain.run.RunId;
import ai.cinatra.domain.run.RunStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** agent_run, agent_run_get, agent_run_resume, agent_run_stop and agent_run_list. */
public final class RunTools {
  private static final String RUN_ID =
      "\"runId\": {\"type\": \"string\", \"pattern\":"
          + " \"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$\"}";
  private static final String WRITE =
      "{\"readOnlyHint\": false, \"destructiveHint\": false, \"idempotentHint\": false,"
          + " \"openWorldHint\": true}";

  /**
   * A run may be started as an MCP task (the client then polls the task, not agent_run_get).
   * Optional, never required: clients without tasks, Claude's among them, call the tool as before
   * (a server requiring tasks locks them out: github/copilot-cli#2538).
   */
  private static final String AS_TASK = "{\"taskSupport\": \"optional\"}";

  private RunTools() {}

  public static List<McpTool> all(
      RunsUseCase runs, AgentsUseCase agents, Supplier<String> baseUrl) {
    RunJson json = new RunJson(baseUrl);
    return List.of(
        UseCaseTool.of(
            """
            {"name": "agent_run", "title": "Start an agent run",
             "description": "Starts a run of an installed agent (see agent_list) with inputs that fit its inputSchema. Returns at once with the runId; poll agent_run_get every pollAfterMs. An idempotencyKey makes a retried start return the same run.",
             "inputSchema": {"type": "object", "properties": {
               "agentId": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]{0,62}$"},
               "inputs": {"type": "object", "maxProperties": 100},
               "idempotencyKey": {"type": "string", "minLength": 1, "maxLength": 200}},
              "required": ["agentId"], "additionalProperties": false},
             "outputSchema": {"type": "object", "properties": {
               "runId": {"type": "string"}, "status": {"type": "string"}, "runUrl": {"type": "string"}},
              "required": ["runId", "status"]},
             "annotations": %s, "execution": %s}
            """
                .formatted(WRITE, AS_TASK),
            Role.MEMBER,
            call -> {
              ObjectNode args = call.arguments();
              AgentId agentId = new AgentId(args.get("agentId").asText());
              JsonNode inputs = args.hasNonNull("inputs") ? args.get("inputs") : ToolJson.object();
              AgentDefinition agent = agents.source(call.actor(), agentId);
              List<String> problems =
                  ToolSchemas.problems(ToolJson.node(agent.inputSchema()), inputs);
              if (!problems.isEmpty()) {
                throw new InvalidInputException(
                    "inputs do not fit agent "
                        + agentId
                        + "'s inputSchema: "
                        + String.join("; ", problems));
              }
              AgentRun run =
                  runs.start(
                      call.actor(),
                      agentId,
                      ToolJson.map(inputs),
                      ToolJson.text(args, "idempotencyKey"));
              ObjectNode result = ToolJson.object();
              result.put("runId", run.id().toString());
              result.put("status", run.status().wireName());
              result.put("runUrl", json.runUrl(run.id()));
              return ToolJson.result("started run " + run.id(), result);
            }),
        UseCaseTool.of(
            """
            {"name": "agent_run_get", "title": "Poll an agent run",
             "description": "A run's status, outputs, the approval it waits for (pendingApproval) and its events after afterEventId. Call again with afterEventId = nextEventId after pollAfterMs milliseconds until the status is completed, failed or stopped.",
             "inputSchema": {"type": "object", "properties": {%s,
               "afterEventId": {"type": "integer", "minimum": 0}},
              "required": ["runId"], "additionalProperties": false},
             "outputSchema": %s,
             "annotations": {"readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false}}
            """
                .formatted(RUN_ID, RunJson.VIEW_SCHEMA),
            Role.MEMBER,
            call ->
                json.result(
                    runs.get(
                        call.actor(),
                        runId(call.arguments()),
                        call.arguments().path("afterEventId").asLong(0)))),
        UseCaseTool.asking(
            """
            {"name": "agent_run_resume", "title": "Answer a paused run",
             "description": "Answers a run waiting for approval (status pending_approval). userResponse, an object fitting the approval's screen, wins; with neither userResponse nor approvalNote, a client that supports elicitation shows the person the approval to answer themselves; otherwise the proposal is approved with approvalNote (default \\"[Approved by operator]\\"). To reject, send userResponse {\\"decision\\": \\"reject\\"}. The decision is exactly approve or reject, and the answer must fit the screen; otherwise the call is refused and the run keeps waiting.",
             "inputSchema": {"type": "object", "properties": {%s,
               "userResponse": {"type": "object", "maxProperties": 100, "properties": {
                 "decision": {"type": "string", "enum": ["approve", "reject"]}}},
               "approvalNote": {"type": "string", "maxLength": 2000}},
              "required": ["runId"], "additionalProperties": false},
             "outputSchema": %s, "annotations": %s}
            """
                .formatted(RUN_ID, RunJson.VIEW_SCHEMA, WRITE),
            Role.MEMBER,
            // Only a call that leaves the answer to the person, from a client that can ask them.
            (args, clientCan) ->
                !args.hasNonNull("userResponse")
                    && !args.hasNonNull("approvalNote")
                    && clientCan.test("elicitation"),
            call -> {
              ObjectNode args = call.arguments();
              RunId id = runId(args);
              Optional<Map<String, Object>> response =
                  args.hasNonNull("userResponse")
                      ? Optional.of(ToolJson.map(args.get("userResponse")))
                      : Optional.empty();
              Optional<String> note = ToolJson.text(args, "approvalNote");
              if (response.isEmpty() && note.isEmpty() && call.context().clientCan("elicitation")) {
                // The person answers in their client, not the model on their behalf.
                AgentRun run = runs.get(call.actor(), id, Long.MAX_VALUE).run();
                if (run.pendingApproval().isPresent()) {
                  response = Optional.of(ApprovalQuestion.ask(call.context(), run));
                }
              }
              return json.result(runs.resume(call.actor(), id, response, note));
            }),
        UseCaseTool.of(
            """
            {"name": "agent_run_stop", "title": "Stop an agent run",
             "description": "Stops a run: a queued or paused run at once, a running one when its current step ends.",
             "inputSchema": {"type": "object", "properties": {%s},
              "required": ["runId"], "additionalProperties": false},
             "outputSchema": %s,
             "annotations": {"readOnlyHint": false, "destructiveHint": true, "idempotentHint": true, "openWorldHint": false}}
            """
                .formatted(RUN_ID, RunJson.VIEW_SCHEMA),
            Role.MEMBER,
            call -> json.result(runs.stop(call.actor(), runId(call.arguments())))),
        UseCaseTool.of(
            """
            {"name": "agent_run_messages_list", "title": "Read a run's messages",
             "description": "The assistant messages a run has produced, in order, and its structured outputs by step. Pass nextCursor back as cursor for more.",
             "inputSchema": {"type": "object", "properties": {%s,
               "cursor": {"type": "string", "pattern": "^[0-9]{1,18}$"}},
              "required": ["runId"], "additionalProperties": false},
             "outputSchema": {"type": "object", "properties": {
               "messages": {"type": "array", "items": {"type": "object", "properties": {
                 "messageId": {"type": "string"}, "role": {"type": "string"}, "text": {"type": "string"}},
                "required": ["messageId", "role", "text"]}},
               "outputs": {"type": "object"}, "nextCursor": {"type": "string"}},
              "required": ["messages", "outputs"]},
             "annotations": {"readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false}}
            """
                .formatted(RUN_ID),
            Role.MEMBER,
            call -> {
              long after = Long.parseLong(ToolJson.text(call.arguments(), "cursor").orElse("0"));
              RunView view = runs.get(call.actor(), runId(call.arguments()), after);
              ObjectNode result = ToolJson.object();
              var messages = result.putArray("messages");
              for (RunEvent e : view.events()) {
                if (e.type() == EventType.TEXT_MESSAGE_CONTENT) {
                  messages
                      .addObject()
                      .put("messageId", String.valueOf(e.data().get("messageId")))
                      .put("role", "assistant")
                      .put("text", String.valueOf(e.data().get("delta")));
                }
              }
              result.set("outputs", ToolJson.node(view.run().outputs()));
              if (!view.events().isEmpty()
                  && view.nextEventId() > after
                  && view.events().size() >= 200) {
                result.put("nextCursor", String.valueOf(view.nextEventId()));
              }
              return ToolJson.result(messages.size() + " messages", result);
            }),
        UseCaseTool.of(
            """
            {"name": "agent_run_list", "title": "List agent runs",
             "description": "Runs newest first: your own, or everyone's for an admin; filter by status or agentId, and pass nextCursor back as cursor for more.",
             "inputSchema": {"type": "object", "properties": {
               "status": {"type": "string", "enum": ["queued", "running", "pending_approval", "completed", "failed", "stopped"]},
               "agentId": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]{0,62}$"},
               "cursor": {"type": "string", "maxLength": 100}},
              "additionalProperties": false},
             "outputSchema": {"type": "object", "properties": {
               "runs": {"type": "array", "items": {"type": "object"}}, "nextCursor": {"type": "string"}},
              "required": ["runs"]},
             "annotations": {"readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false}}
            """,
            Role.MEMBER,
            call -> {
              ObjectNode args = call.arguments();
              RunPage page =
                  runs.list(
                      call.actor(),
                      ToolJson.text(args, "status").map(RunStatus::parse),
                      ToolJson.text(args, "agentId").map(AgentId::new),
                      ToolJson.text(args, "cursor"));
              ObjectNode result = ToolJson.object();
              var items = result.putArray("runs");
              page.runs().forEach(r -> items.add(json.run(r)));
              page.nextCursor().ifPresent(c -> result.put("nextCursor", c));
              return ToolJson.result(page.runs().size() + " runs", result);
            }));
  }

  /**
   * One tool per installed agent, {@code cinatra_<agentId>}: the agent's inputSchema as input; a
   * call starts a run like agent_run with those inputs.
   */
  public static List<McpTool> perAgent(
      RunsUseCase runs, List<AgentDefinition> installed, Supplier<String> baseUrl) {
    RunJson json = new RunJson(baseUrl);
    List<McpTool> tools = new ArrayList<>();
    for (AgentDefinition agent : installed) {
      ObjectNode descriptor = ToolJson.object();
      descriptor.put("name", "cinatra_" + agent.id().value());
      descriptor.put("title", agent.name());
      descriptor.put(
          "description",
          (agent.description().isBlank() ? agent.name() : agent.description())
              + " Starts a run and returns its runId at once; poll agent_run_get.");
      descriptor.set("inputSchema", ToolJson.node(agent.inputSchema()));
      descriptor.set(
          "outputSchema",
          ToolDescriptors.parse(
              "{\"type\": \"object\", \"properties\": {\"runId\": {\"type\": \"string\"},"
                  + " \"status\": {\"type\": \"string\"}, \"runUrl\": {\"type\": \"string\"}},"
                  + " \"required\": [\"runId\", \"status\"]}"));
      descriptor.set("annotations", ToolDescriptors.parse(WRITE));
      descriptor.set("execution", ToolDescriptors.parse(AS_TASK));
      tools.add(
          UseCaseTool.of(
              descriptor.toString(),
              Role.MEMBER,
              call -> {
                AgentRun run =
                    runs.start(
                        call.actor(), agent.id(), ToolJson.map(call.arguments()), Optional.empty());
                ObjectNode result = ToolJson.object();
                result.put("runId", run.id().toString());
                result.put("status", run.status().wireName());
                result.put("runUrl", json.runUrl(run.id()));
                return ToolJson.result("started run " + run.id(), result);
              }));
    }
    return tools;
  }

  private static RunId runId(ObjectNode arguments) {
    return RunId.parse(arguments.get("runId").asText());
  }
}
