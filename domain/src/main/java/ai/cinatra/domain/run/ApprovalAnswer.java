package ai.cinatra.domain.run;

import ai.cinatra.domain.error.InvalidValueException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A person's answer to a pending approval: the proposed values with what the person sent on top,
 * and the decision those values name. No answer at all means "approve" with a default note (the run
 * page's one-click approval).
 */
public record ApprovalAnswer(ApprovalDecision decision, Map<String, Object> values) {
  public ApprovalAnswer {
    if (decision == null || values == null) {
      throw new InvalidValueException("an approval answer has a decision and values");
    }
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * Reads an answer: the person's fields replace the proposed ones; the decision must be exactly
   * "approve" or "reject" ({@link ApprovalDecision#of}), else nothing is decided.
   */
  public static ApprovalAnswer of(
      PendingApproval pending, Optional<Map<String, Object>> response, String defaultNote) {
    Map<String, Object> values = new LinkedHashMap<>(pending.proposed());
    values.putAll(response.orElseGet(() -> Map.of("decision", "approve", "note", defaultNote)));
    return new ApprovalAnswer(ApprovalDecision.of(values.get("decision")), values);
  }
}
