package ai.cinatra.application.port.in.run;

import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.agent.AgentId;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.RunEvent;
import ai.cinatra.domain.run.RunId;
import ai.cinatra.domain.run.RunStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starting, reading, answering and stopping agent runs. A member sees only their own runs, an admin
 * every run; someone else's run is "not found", never "forbidden".
 */
public interface RunsUseCase {

  /** A run and its events after the asked-for id, with where to continue and when. */
  record RunView(AgentRun run, List<RunEvent> events, long nextEventId, int pollAfterMs) {}

  /** A page of runs and the cursor for the next page, when there is one. */
  record RunPage(List<AgentRun> runs, Optional<String> nextCursor) {}

  AgentRun start(
      Actor actor, AgentId agent, Map<String, Object> inputs, Optional<String> idempotencyKey);

  RunView get(Actor actor, RunId run, long afterEventId);

  /**
   * Answers a paused run: {@code userResponse} wins; otherwise an approval with {@code
   * approvalNote} (default "[Approved by operator]"). {@code {"decision":"reject"}} rejects.
   */
  RunView resume(
      Actor actor,
      RunId run,
      Optional<Map<String, Object>> userResponse,
      Optional<String> approvalNote);

  RunView stop(Actor actor, RunId run);

  RunPage list(
      Actor actor, Optional<RunStatus> status, Optional<AgentId> agent, Optional<String> cursor);
}
