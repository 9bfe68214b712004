package ai.cinatra.application.service;

import ai.cinatra.application.port.in.workspace.ObjectsUseCase;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.agent.JsonValues;
import ai.cinatra.domain.agent.ObjectsSaveStep;
import ai.cinatra.domain.agent.Template;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.EventType;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An objects_save step: saves its rendered data as the run's starter, with the role they have now
 * (a demoted starter's run may no longer write), and reports the object as a state snapshot.
 */
final class ObjectsSaveStepExecutor implements StepExecutor<ObjectsSaveStep> {
  private final ObjectsUseCase objects;
  private final Function<AgentRun, Actor> actingAs;

  ObjectsSaveStepExecutor(ObjectsUseCase objects, Function<AgentRun, Actor> actingAs) {
    this.objects = objects;
    this.actingAs = actingAs;
  }

  @Override
  public Outcome execute(ObjectsSaveStep step, StepContext context) {
    if (!(Template.render(step.data(), context.values()) instanceof Map<?, ?> data)) {
      throw new InvalidValueException("data must render to a JSON object");
    }
    var saved =
        objects.saveObject(
            actingAs.apply(context.run()),
            JsonValues.object(data),
            step.typeHint(),
            Optional.empty());
    Map<String, Object> output =
        Map.of("objectId", saved.object().id().toString(), "isNew", saved.isNew());
    context.events().add(EventType.STATE_SNAPSHOT, output);
    return new Outcome.Done(output);
  }
}
