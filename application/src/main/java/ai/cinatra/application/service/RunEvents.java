package ai.cinatra.application.service;

import ai.cinatra.domain.run.EventType;
import ai.cinatra.domain.run.RunEvent;
import ai.cinatra.domain.run.RunId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Events a step or an action produces, numbered when they are stored. */
final class RunEvents {
  private final List<Map.Entry<EventType, Map<String, Object>>> pending = new ArrayList<>();

  RunEvents add(EventType type, Map<String, Object> data) {
    pending.add(Map.entry(type, new LinkedHashMap<>(data)));
    return this;
  }

  /** The events numbered after {@code lastId}. */
  List<RunEvent> numbered(RunId run, long lastId, Instant at) {
    List<RunEvent> events = new ArrayList<>();
    long id = lastId;
    for (Map.Entry<EventType, Map<String, Object>> e : pending) {
      events.add(new RunEvent(run, ++id, e.getKey(), e.getValue(), at));
    }
    return events;
  }
}
