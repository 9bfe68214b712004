package ai.cinatra.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.domain.error.InvalidValueException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentDefinitionTest {
  private static Map<String, Object> document(List<Object> steps) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("agentId", "writer");
    document.put("name", "Writer");
    document.put("inputSchema", Map.of("type", "object"));
    document.put("steps", steps);
    return document;
  }

  @Test
  void parse_readsStepsInOrder_withTheirSettings() {
    AgentDefinition agent =
        AgentDefinition.parse(
            document(
                List.of(
                    Map.of("id", "hello", "kind", "message", "text", "Hi {{inputs.name}}"),
                    Map.of("id", "ok", "kind", "approval", "screen", Map.of("type", "object")))));
    assertThat(agent.id().value()).isEqualTo("writer");
    assertThat(agent.steps())
        .extracting(Step::kind)
        .containsExactly(StepKind.MESSAGE, StepKind.APPROVAL);
    assertThat(agent.steps().get(0))
        .isEqualTo(new MessageStep("hello", Optional.empty(), "Hi {{inputs.name}}"));
    assertThat(((ApprovalStep) agent.steps().get(1)).title()).isEqualTo(ApprovalStep.DEFAULT_TITLE);
    assertThat(agent.onReject()).isEmpty();
  }

  @Test
  void parse_saysWhatIsWrong() {
    assertThatThrownBy(() -> AgentDefinition.parse(document(List.of())))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("1 to 100 steps");
    assertThatThrownBy(
            () -> AgentDefinition.parse(document(List.of(Map.of("id", "a", "kind", "teleport")))))
        .hasMessageContaining("unknown step kind 'teleport'");
    assertThatThrownBy(
            () -> AgentDefinition.parse(document(List.of(Map.of("id", "a", "kind", "message")))))
        .hasMessageContaining("step a (message) needs the field 'text'");
    assertThatThrownBy(
            () ->
                AgentDefinition.parse(
                    document(
                        List.of(
                            Map.of("id", "a", "kind", "message", "text", "x"),
                            Map.of("id", "a", "kind", "message", "text", "y")))))
        .hasMessageContaining("step id a is used twice");
    Map<String, Object> rejecting =
        document(List.of(Map.of("id", "a", "kind", "message", "text", "x")));
    rejecting.put("onReject", "nowhere");
    assertThatThrownBy(() -> AgentDefinition.parse(rejecting)).hasMessageContaining("onReject");
    Map<String, Object> badId =
        document(List.of(Map.of("id", "a", "kind", "message", "text", "x")));
    badId.put("agentId", "Not An Id");
    assertThatThrownBy(() -> AgentDefinition.parse(badId)).hasMessageContaining("agent id");
  }

  @Test
  void anAgentHasAtMostAHundredSteps() {
    List<Object> steps = new java.util.ArrayList<>();
    for (int i = 0; i < 101; i++) {
      steps.add(Map.of("id", "s" + i, "kind", "message", "text", "x"));
    }
    assertThatThrownBy(() -> AgentDefinition.parse(document(steps)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("1 to 100 steps");
    assertThat(AgentDefinition.parse(document(steps.subList(0, 100))).steps()).hasSize(100);
  }

  @Test
  void aStepsTimeout_isAWholeNumberOfSecondsUpToAnHour() {
    Map<String, Object> ok =
        Map.of("id", "s", "kind", "message", "text", "x", "timeoutSeconds", 3600);
    assertThat(AgentDefinition.parse(document(List.of(ok))).steps().get(0).timeout())
        .contains(java.time.Duration.ofHours(1));
    for (Object bad : List.of(0, 3601, 1.5, "10")) {
      assertThatThrownBy(
              () ->
                  AgentDefinition.parse(
                      document(
                          List.of(
                              Map.of(
                                  "id",
                                  "s",
                                  "kind",
                                  "message",
                                  "text",
                                  "x",
                                  "timeoutSeconds",
                                  bad)))))
          .as(String.valueOf(bad))
          .isInstanceOf(InvalidValueException.class)
          .hasMessageContaining("timeoutSeconds is a whole number from 1 to 3600");
    }
  }
}
