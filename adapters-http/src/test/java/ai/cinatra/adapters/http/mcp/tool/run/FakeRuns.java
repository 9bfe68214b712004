package ai.cinatra.adapters.http.mcp.tool.run;

import ai.cinatra.adapters.http.mcp.tool.McpTool;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.port.in.run.RunsUseCase;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.agent.AgentDefinition;
import ai.cinatra.domain.agent.AgentId;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.RunId;
import ai.cinatra.domain.run.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs kept in memory, each visible only to its starter: what the run tools and tasks read and
 * change. A test moves a run along with {@link #put}.
 */
public final class FakeRuns implements RunsUseCase {
  public static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private final Map<RunId, AgentRun> runs = new ConcurrentHashMap<>();

  /** The tool that starts a run of agent "payout": cinatra_payout, which may run as a task. */
  public McpTool payoutTool() {
    AgentDefinition payout =
        AgentDefinition.parse(
            Map.of(
                "agentId",
                "payout",
                "name",
                "Payout",
                "steps",
                List.of(Map.of("id", "hello", "kind", "message", "text", "Paying"))));
    return RunTools.perAgent(this, List.of(payout), () -> "https://cinatra.example").get(0);
  }

  /** What resume was handed, in order. */
  public final List<Map<String, Object>> answers = new ArrayList<>();

  public AgentRun put(AgentRun run) {
    runs.put(run.id(), run);
    return run;
  }

  public AgentRun run(RunId id) {
    return runs.get(id);
  }

  @Override
  public AgentRun start(
      Actor actor, AgentId agent, Map<String, Object> inputs, Optional<String> key) {
    return put(AgentRun.queue(RunId.random(), agent, actor.account(), inputs, key, T0));
  }

  @Override
  public RunView get(Actor actor, RunId id, long afterEventId) {
    AgentRun run = runs.get(id);
    if (run == null || !run.startedBy().equals(actor.account())) {
      throw new NotFoundException("no run with id " + id);
    }
    return new RunView(run, List.of(), afterEventId, 2000);
  }

  @Override
  public RunView resume(
      Actor actor, RunId id, Optional<Map<String, Object>> response, Optional<String> note) {
    AgentRun run = get(actor, id, 0).run();
    answers.add(response.orElse(Map.of()));
    return new RunView(put(run.resume(response.orElse(Map.of()))), List.of(), 0, 2000);
  }

  @Override
  public RunView stop(Actor actor, RunId id) {
    AgentRun run = get(actor, id, 0).run();
    return new RunView(put(run.requestStop(T0)), List.of(), 0, 2000);
  }

  @Override
  public RunPage list(
      Actor actor, Optional<RunStatus> status, Optional<AgentId> agent, Optional<String> cursor) {
    return new RunPage(
        runs.values().stream().filter(r -> r.startedBy().equals(actor.account())).toList(),
        Optional.empty());
  }
}
