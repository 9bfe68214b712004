package ai.cinatra.domain.agent;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One step of an agent: an id unique in the agent, what it does (one record per kind) and its own
 * time limit when it sets one ({@code timeoutSeconds}).
 */
public sealed interface Step
    permits MessageStep, ConnectorStep, ObjectsSaveStep, ApprovalStep, ModelStep {
  /** The longest a step may set for itself: an hour. */
  int MAX_TIMEOUT_SECONDS = StepFields.MAX_TIMEOUT_SECONDS;

  String id();

  /** The step's own time limit, when it sets one. */
  Optional<Duration> timeout();

  StepKind kind();

  /** Reads one step of a definition document, saying exactly what is wrong when it is wrong. */
  static Step parse(Map<?, ?> raw) {
    StepFields fields = new StepFields(raw);
    String id = fields.id();
    Optional<Duration> timeout = fields.timeout();
    return switch (fields.kind()) {
      case MESSAGE -> new MessageStep(id, timeout, fields.text("text"));
      case MODEL ->
          new ModelStep(
              id, timeout, fields.optionalText("system").orElse(""), fields.text("prompt"));
      case CONNECTOR ->
          new ConnectorStep(
              id,
              timeout,
              fields.text("connector"),
              fields.text("operation"),
              fields.optionalObject("arguments").orElse(Map.of()));
      case OBJECTS_SAVE ->
          new ObjectsSaveStep(id, timeout, fields.value("data"), fields.optionalText("typeHint"));
      case APPROVAL ->
          new ApprovalStep(
              id,
              timeout,
              fields.optionalText("title").orElse(ApprovalStep.DEFAULT_TITLE),
              fields.object("screen"),
              fields.optionalValue("proposed").orElse(Map.of()));
    };
  }
}
