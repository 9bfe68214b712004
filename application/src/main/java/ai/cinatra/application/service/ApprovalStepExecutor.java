package ai.cinatra.application.service;

import ai.cinatra.domain.agent.ApprovalStep;
import ai.cinatra.domain.agent.JsonValues;
import ai.cinatra.domain.agent.Template;
import ai.cinatra.domain.run.PendingApproval;
import java.util.Collections;
import java.util.Map;

/**
 * An approval step: renders the proposed values and pauses the run for a person. A proposal that is
 * not an object is shown as {@code {"value": ...}}.
 */
final class ApprovalStepExecutor implements StepExecutor<ApprovalStep> {

  @Override
  public Outcome execute(ApprovalStep step, StepContext context) {
    Object proposed = Template.render(step.proposed(), context.values());
    Map<String, Object> values =
        proposed instanceof Map<?, ?> object
            ? JsonValues.object(object)
            : Collections.singletonMap("value", proposed);
    return new Outcome.Paused(new PendingApproval(step.id(), step.screen(), values), step.title());
  }
}
