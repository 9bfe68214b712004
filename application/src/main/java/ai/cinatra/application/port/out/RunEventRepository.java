package ai.cinatra.application.port.out;

import ai.cinatra.domain.run.RunEvent;
import ai.cinatra.domain.run.RunId;
import java.util.List;

/** Stores run events; ids increase within a run. */
public interface RunEventRepository {
  void append(List<RunEvent> events);

  /** The run's events with ids above {@code afterId}, in order, at most {@code limit}. */
  List<RunEvent> after(RunId run, long afterId, int limit);

  /** The run's highest event id, 0 when it has none. */
  long lastId(RunId run);
}
