package ai.cinatra.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
  private static final Map<String, Object> CONTEXT =
      Map.of(
          "inputs", Map.of("topic", "tides", "amount", 12.5),
          "steps", Map.of("approve", Map.of("note", "fine")));

  @Test
  void aLonePlaceholder_keepsTheValuesType_andTextGetsItWrittenIn() {
    assertThat(Template.render("{{inputs.amount}}", CONTEXT)).isEqualTo(12.5);
    assertThat(Template.render("Pay {{ inputs.amount }} for {{inputs.topic}}", CONTEXT))
        .isEqualTo("Pay 12.5 for tides");
    assertThat(
            Template.render(
                Map.of(
                    "list", List.of("{{steps.approve.note}}", 3), "missing", "[{{inputs.nope}}]"),
                CONTEXT))
        .isEqualTo(Map.of("list", List.of("fine", 3), "missing", "[]"));
  }

  @Test
  void replacementText_isTakenLiterally() {
    assertThat(Template.render("{{inputs.topic}}", Map.of("inputs", Map.of("topic", "$1 \\x"))))
        .isEqualTo("$1 \\x");
    assertThat(Template.render("a {{inputs.topic}}", Map.of("inputs", Map.of("topic", "$1"))))
        .isEqualTo("a $1");
  }
}
