package ai.cinatra.domain.fuzz;

import ai.cinatra.domain.agent.Template;
import ai.cinatra.domain.error.InvalidValueException;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;

/** The agent template engine over any text: a refusal is fine, any other exception is a bug. */
class TemplateFuzzTest {
  @FuzzTest(maxDuration = "5s")
  void anyTemplateText(FuzzedDataProvider data) {
    Map<String, Object> context =
        Map.of(
            "inputs",
            Map.of("a", data.consumeString(50), "n", data.consumeInt()),
            "steps",
            Map.of("s", Map.of("list", List.of(1, "x"))));
    try {
      Template.render(Map.of("k", data.consumeRemainingAsString()), context);
    } catch (InvalidValueException refused) {
      // A template that names nothing we have is refused, saying why.
    }
  }
}
