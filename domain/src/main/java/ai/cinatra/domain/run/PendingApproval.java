package ai.cinatra.domain.run;

import ai.cinatra.domain.error.InvalidValueException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a paused run shows a person: the approval step, a JSON schema and the proposed values. */
public record PendingApproval(
    String stepId, Map<String, Object> screen, Map<String, Object> proposed) {
  public PendingApproval {
    if (stepId == null || stepId.isBlank() || screen == null || proposed == null) {
      throw new InvalidValueException("a pending approval names its step, screen and proposal");
    }
    screen = Collections.unmodifiableMap(new LinkedHashMap<>(screen));
    proposed = Collections.unmodifiableMap(new LinkedHashMap<>(proposed));
  }
}
