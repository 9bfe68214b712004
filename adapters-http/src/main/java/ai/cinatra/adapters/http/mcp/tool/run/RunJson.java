package ai.cinatra.adapters.http.mcp.tool.run;

import ai.cinatra.adapters.http.mcp.tool.ToolJson;
import ai.cinatra.application.port.in.run.RunsUseCase.RunView;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.RunEvent;
import ai.cinatra.domain.run.RunId;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;

/** The wire shape of a run and its AG-UI events. */
public final class RunJson {
  static final String VIEW_SCHEMA =
      """
      {"type": "object", "properties": {
        "runId": {"type": "string"}, "agentId": {"type": "string"}, "status": {"type": "string"},
        "createdAt": {"type": "string"}, "startedAt": {"type": "string"}, "endedAt": {"type": "string"},
        "outputs": {"type": "object"}, "error": {"type": "string"},
        "pendingApproval": {"type": "object"}, "runUrl": {"type": "string"},
        "events": {"type": "array", "items": {"type": "object"}},
        "nextEventId": {"type": "integer"}, "pollAfterMs": {"type": "integer"}},
       "required": ["runId", "agentId", "status", "createdAt", "runUrl", "events", "nextEventId", "pollAfterMs"]}
      """;

  private final Supplier<String> baseUrl;

  RunJson(Supplier<String> baseUrl) {
    this.baseUrl = baseUrl;
  }

  String runUrl(RunId id) {
    return baseUrl.get() + "/agents/status/" + id;
  }

  ObjectNode run(AgentRun r) {
    ObjectNode node = ToolJson.object();
    node.put("runId", r.id().toString());
    node.put("agentId", r.agent().value());
    node.put("status", r.status().wireName());
    node.put("createdAt", r.createdAt().toString());
    r.startedAt().ifPresent(t -> node.put("startedAt", t.toString()));
    r.endedAt().ifPresent(t -> node.put("endedAt", t.toString()));
    if (r.status().isTerminal()) {
      node.set("outputs", ToolJson.node(r.outputs()));
    }
    r.error().ifPresent(e -> node.put("error", e));
    r.pendingApproval()
        .ifPresent(
            p -> {
              ObjectNode approval = node.putObject("pendingApproval");
              approval.put("stepId", p.stepId());
              approval.set("screen", ToolJson.node(p.screen()));
              approval.set("proposed", ToolJson.node(p.proposed()));
            });
    node.put("runUrl", runUrl(r.id()));
    return node;
  }

  ObjectNode result(RunView view) {
    ObjectNode node = run(view.run());
    var events = node.putArray("events");
    for (RunEvent e : view.events()) {
      events.add(event(e));
    }
    node.put("nextEventId", view.nextEventId());
    node.put("pollAfterMs", view.pollAfterMs());
    return ToolJson.result(
        "run " + view.run().id() + " is " + view.run().status().wireName(), node);
  }

  /** One event as AG-UI shapes it: its type, its fields, a timestamp; plus its id in the run. */
  public static ObjectNode event(RunEvent e) {
    ObjectNode event = ToolJson.object();
    event.put("id", e.id());
    event.put("type", e.type().name());
    event.setAll(ToolJson.node(e.data()));
    event.put("timestamp", e.at().toEpochMilli());
    return event;
  }
}
