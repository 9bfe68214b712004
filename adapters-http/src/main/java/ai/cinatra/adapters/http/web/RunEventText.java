package ai.cinatra.adapters.http.web;

import ai.cinatra.domain.run.RunEvent;
import java.util.Map;

/** A run event said in words for the run page; the AG-UI JSON stays on the API and its stream. */
final class RunEventText {
  /** Values are cut here: the page is read, not the place to inspect a whole payload. */
  static final int MAX_VALUE = 200;

  private RunEventText() {}

  static String describe(RunEvent event) {
    Map<String, Object> data = event.data();
    return switch (event.type()) {
      case RUN_STARTED -> "The run started.";
      case STEP_STARTED -> "Step " + value(data, "stepName") + " started.";
      case STEP_FINISHED -> "Step " + value(data, "stepName") + " finished.";
      case TEXT_MESSAGE_START -> "The agent began a message.";
      case TEXT_MESSAGE_CONTENT -> "Message: " + value(data, "delta");
      case TEXT_MESSAGE_END -> "The message ended.";
      case TOOL_CALL_START -> "Calling " + value(data, "toolCallName") + ".";
      case TOOL_CALL_ARGS -> "With " + value(data, "args") + ".";
      case TOOL_CALL_END -> "The call was sent.";
      case TOOL_CALL_RESULT -> "It answered " + value(data, "content") + ".";
      case STATE_SNAPSHOT -> "Saved " + cut(words(data)) + ".";
      case INTERRUPT ->
          "Waiting for a person to approve step "
              + value(data, "stepId")
              + ": "
              + value(data, "title")
              + ".";
      case RESUME ->
          "A person answered step "
              + value(data, "stepId")
              + " with "
              + value(data, "response")
              + ".";
      case RUN_FINISHED ->
          "The run ended: "
              + value(data, "status")
              + (data.containsKey("reason") ? " (" + value(data, "reason") + ")" : "")
              + ".";
      case RUN_ERROR -> "The run failed: " + value(data, "message");
    };
  }

  private static String value(Map<String, Object> data, String key) {
    Object value = data.get(key);
    return value == null ? "(none)" : cut(words(value));
  }

  /** A map as "key = value, …" (nested maps alike), anything else as itself. */
  private static String words(Object value) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        return "nothing";
      }
      StringBuilder text = new StringBuilder();
      map.forEach(
          (k, v) ->
              text.append(text.isEmpty() ? "" : ", ").append(k).append(" = ").append(words(v)));
      return text.toString();
    }
    return String.valueOf(value);
  }

  private static String cut(String text) {
    return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE) + "…";
  }
}
