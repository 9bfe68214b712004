package ai.cinatra.domain.agent;

import ai.cinatra.domain.error.InvalidValueException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Calls one operation of a configured connector with arguments rendered from templates. */
public record ConnectorStep(
    String id,
    Optional<Duration> timeout,
    String connector,
    String operation,
    Map<String, Object> arguments)
    implements Step {
  public ConnectorStep {
    StepFields.checkId(id);
    StepFields.checkTimeout(id, timeout);
    if (connector == null || operation == null || arguments == null) {
      throw new InvalidValueException(
          "step " + id + " (connector) needs the fields 'connector' and 'operation'");
    }
    arguments = JsonValues.object(arguments);
  }

  /** The tool name the call is shown under: connector_operation. */
  public String toolName() {
    return connector + "_" + operation;
  }

  @Override
  public StepKind kind() {
    return StepKind.CONNECTOR;
  }
}
