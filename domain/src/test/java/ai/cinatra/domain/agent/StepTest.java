package ai.cinatra.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.domain.error.InvalidValueException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StepTest {

  /** A connector step calling crm's send with these arguments (and a timeout, when not null). */
  private static Map<String, Object> connector(Object arguments, Integer timeoutSeconds) {
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("id", "c");
    step.put("kind", "connector");
    step.put("connector", "crm");
    step.put("operation", "send");
    step.put("arguments", arguments);
    if (timeoutSeconds != null) {
      step.put("timeoutSeconds", timeoutSeconds);
    }
    return step;
  }

  @Test
  void eachKind_isReadIntoItsOwnRecord_withItsFieldsTyped() {
    assertThat(Step.parse(Map.of("id", "m", "kind", "model", "prompt", "Sum up")))
        .isEqualTo(new ModelStep("m", Optional.empty(), "", "Sum up"));
    assertThat(Step.parse(connector(Map.of("to", "{{inputs.to}}"), 5)))
        .isEqualTo(
            new ConnectorStep(
                "c",
                Optional.of(Duration.ofSeconds(5)),
                "crm",
                "send",
                Map.of("to", "{{inputs.to}}")));
    assertThat(Step.parse(Map.of("id", "s", "kind", "objects_save", "data", "{{inputs.note}}")))
        .isEqualTo(new ObjectsSaveStep("s", Optional.empty(), "{{inputs.note}}", Optional.empty()));
    ApprovalStep approval =
        (ApprovalStep)
            Step.parse(
                Map.of(
                    "id",
                    "a",
                    "kind",
                    "approval",
                    "title",
                    "Send?",
                    "screen",
                    Map.of("type", "object"),
                    "proposed",
                    List.of(1, 2)));
    assertThat(approval.title()).isEqualTo("Send?");
    assertThat(approval.proposed()).isEqualTo(List.of(1, 2));
    assertThat(new ConnectorStep("c", Optional.empty(), "crm", "send", Map.of()).toolName())
        .isEqualTo("crm_send");
  }

  @Test
  void aFieldOfTheWrongType_isNamedWithItsStep() {
    assertThatThrownBy(() -> Step.parse(Map.of("id", "m", "kind", "message", "text", 7)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("step m (message) text is a string");
    assertThatThrownBy(() -> Step.parse(connector("all", null)))
        .hasMessage("step c (connector) arguments is a JSON object");
    assertThatThrownBy(() -> Step.parse(Map.of("id", "a", "kind", "approval", "screen", "yes")))
        .hasMessage("step a (approval) screen is a JSON object");
    assertThatThrownBy(() -> Step.parse(Map.of("id", "a"))).hasMessage("step a needs a kind");
    assertThatThrownBy(() -> Step.parse(Map.of("id", "9a", "kind", "message", "text", "x")))
        .hasMessageContaining("a step id is 1 to 63 letters");
  }

  @Test
  void aRecordBuiltInCode_keepsTheSameRules() {
    assertThatThrownBy(
            () -> new MessageStep("m", Optional.of(Duration.ofSeconds(3601)), "too long"))
        .hasMessageContaining("timeoutSeconds is a whole number from 1 to 3600");
    assertThatThrownBy(() -> new ModelStep("m", Optional.empty(), "", null))
        .hasMessageContaining("needs the field 'prompt'");
  }

  @Test
  void valuesAreCopied_soTheDocumentCannotChangeAStep() {
    Map<String, Object> arguments = new HashMap<>(Map.of("to", "a"));
    ConnectorStep step = new ConnectorStep("c", Optional.empty(), "crm", "send", arguments);
    arguments.put("to", "b");
    assertThat(step.arguments()).containsEntry("to", "a");
    assertThatThrownBy(() -> step.arguments().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
