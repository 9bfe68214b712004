package ai.cinatra.adapters.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.domain.run.EventType;
import ai.cinatra.domain.run.RunEvent;
import ai.cinatra.domain.run.RunId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunEventTextTest {
  private static RunEvent event(EventType type, Map<String, Object> data) {
    return new RunEvent(RunId.random(), 1, type, data, Instant.parse("2026-12-04T09:00:00Z"));
  }

  @Test
  void events_areSaidInWords_withTheirValues_notAsJson() {
    assertThat(RunEventText.describe(event(EventType.STEP_STARTED, Map.of("stepName", "propose"))))
        .isEqualTo("Step propose started.");
    assertThat(
            RunEventText.describe(
                event(EventType.INTERRUPT, Map.of("stepId", "approve", "title", "Approve payout"))))
        .isEqualTo("Waiting for a person to approve step approve: Approve payout.");
    assertThat(
            RunEventText.describe(
                event(EventType.RUN_FINISHED, Map.of("status", "stopped", "reason", "rejected"))))
        .isEqualTo("The run ended: stopped (rejected).");
    assertThat(
            RunEventText.describe(
                event(EventType.TOOL_CALL_ARGS, Map.of("args", Map.of("amount", 7)))))
        .isEqualTo("With amount = 7.");
    for (EventType type : EventType.values()) {
      assertThat(RunEventText.describe(event(type, Map.of()))).isNotBlank().doesNotContain("{");
    }
  }

  @Test
  void aLongValue_isCut() {
    String described =
        RunEventText.describe(
            event(EventType.TEXT_MESSAGE_CONTENT, Map.of("delta", "x".repeat(1000))));
    assertThat(described).endsWith("…").hasSizeLessThan(RunEventText.MAX_VALUE + 20);
  }
}
