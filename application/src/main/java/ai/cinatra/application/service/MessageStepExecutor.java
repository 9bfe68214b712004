package ai.cinatra.application.service;

import ai.cinatra.domain.agent.MessageStep;
import ai.cinatra.domain.agent.Template;
import ai.cinatra.domain.run.EventType;
import java.util.Map;

/** A message step: its text, rendered, said as the assistant. */
final class MessageStepExecutor implements StepExecutor<MessageStep> {

  @Override
  public Outcome execute(MessageStep step, StepContext context) {
    String text = Template.text(step.text(), context.values());
    say(context.events(), context.callId(step), text);
    return new Outcome.Done(Map.of("text", text));
  }

  /** The three events of one assistant message. */
  static void say(RunEvents events, String messageId, String text) {
    events.add(EventType.TEXT_MESSAGE_START, Map.of("messageId", messageId, "role", "assistant"));
    events.add(EventType.TEXT_MESSAGE_CONTENT, Map.of("messageId", messageId, "delta", text));
    events.add(EventType.TEXT_MESSAGE_END, Map.of("messageId", messageId));
  }
}
