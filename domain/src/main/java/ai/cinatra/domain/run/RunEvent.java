package ai.cinatra.domain.run;

import ai.cinatra.domain.error.InvalidValueException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One event of a run; ids increase within the run, starting at 1. */
public record RunEvent(RunId run, long id, EventType type, Map<String, Object> data, Instant at) {
  public RunEvent {
    if (run == null || type == null || data == null || at == null) {
      throw new InvalidValueException("an event names its run, type, data and time");
    }
    if (id < 1) {
      throw new InvalidValueException("event ids start at 1");
    }
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }
}
