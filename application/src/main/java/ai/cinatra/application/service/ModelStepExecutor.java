package ai.cinatra.application.service;

import ai.cinatra.application.port.out.StepGateway;
import ai.cinatra.domain.agent.ModelStep;
import ai.cinatra.domain.agent.Template;
import java.util.Map;

/** A model step: asks the configured language model and says its answer. */
final class ModelStepExecutor implements StepExecutor<ModelStep> {
  private final StepGateway gateway;

  ModelStepExecutor(StepGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public Outcome execute(ModelStep step, StepContext context) {
    String text =
        gateway.askModel(
            Template.text(step.system(), context.values()),
            Template.text(step.prompt(), context.values()),
            context.limit());
    MessageStepExecutor.say(context.events(), context.callId(step), text);
    return new Outcome.Done(Map.of("text", text));
  }
}
