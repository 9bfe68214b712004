package ai.cinatra.application.service;

import ai.cinatra.application.port.out.StepGateway;
import ai.cinatra.domain.agent.ConnectorStep;
import ai.cinatra.domain.agent.Template;
import ai.cinatra.domain.run.EventType;
import java.util.Map;

/**
 * A connector step: calls the operation with its rendered arguments, the call's id as the
 * Idempotency-Key, and records the call and its result as tool-call events.
 */
final class ConnectorStepExecutor implements StepExecutor<ConnectorStep> {
  private final StepGateway gateway;

  ConnectorStepExecutor(StepGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public Outcome execute(ConnectorStep step, StepContext context) {
    String callId = context.callId(step);
    Map<String, Object> arguments = Template.renderObject(step.arguments(), context.values());
    RunEvents events = context.events();
    events.add(
        EventType.TOOL_CALL_START, Map.of("toolCallId", callId, "toolCallName", step.toolName()));
    events.add(EventType.TOOL_CALL_ARGS, Map.of("toolCallId", callId, "args", arguments));
    events.add(EventType.TOOL_CALL_END, Map.of("toolCallId", callId));
    Map<String, Object> result =
        gateway.callConnector(
            step.connector(), step.operation(), arguments, callId, context.limit());
    events.add(EventType.TOOL_CALL_RESULT, Map.of("toolCallId", callId, "content", result));
    return new Outcome.Done(result);
  }
}
