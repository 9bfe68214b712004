package ai.cinatra.domain.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.domain.error.InvalidValueException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApprovalAnswerTest {
  private static final PendingApproval PENDING =
      new PendingApproval(
          "confirm", Map.of("type", "object"), Map.of("to", "ops@example.org", "note", "draft"));

  @Test
  void noAnswer_approvesTheProposal_withTheDefaultNote() {
    ApprovalAnswer answer = ApprovalAnswer.of(PENDING, Optional.empty(), "approved on the page");
    assertThat(answer.decision()).isEqualTo(ApprovalDecision.APPROVE);
    assertThat(answer.values())
        .containsEntry("to", "ops@example.org")
        .containsEntry("note", "approved on the page");
  }

  @Test
  void thePersonsFields_replaceTheProposedOnes() {
    ApprovalAnswer answer =
        ApprovalAnswer.of(
            PENDING, Optional.of(Map.of("decision", "reject", "note", "not today")), "unused");
    assertThat(answer.decision()).isEqualTo(ApprovalDecision.REJECT);
    assertThat(answer.values())
        .containsEntry("to", "ops@example.org")
        .containsEntry("note", "not today");
  }

  @Test
  void anyOtherWord_decidesNothing() {
    for (Object word : new Object[] {"yes", "APPROVE", true, 1}) {
      assertThatThrownBy(
              () -> ApprovalAnswer.of(PENDING, Optional.of(Map.of("decision", word)), "n"))
          .as(String.valueOf(word))
          .isInstanceOf(InvalidValueException.class)
          .hasMessageContaining("decision must be \"approve\" or \"reject\"");
    }
    assertThatThrownBy(() -> ApprovalAnswer.of(PENDING, Optional.of(Map.of("note", "x")), "n"))
        .hasMessageContaining("decision must be");
  }
}
