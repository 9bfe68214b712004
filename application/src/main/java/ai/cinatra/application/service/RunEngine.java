package ai.cinatra.application.service;

import ai.cinatra.application.error.ApplicationException;
import ai.cinatra.application.port.in.run.ExecuteRunUseCase;
import ai.cinatra.application.port.in.workspace.ObjectsUseCase;
import ai.cinatra.application.port.out.AccountRepository;
import ai.cinatra.application.port.out.AgentRepository;
import ai.cinatra.application.port.out.RunRepository;
import ai.cinatra.application.port.out.StepGateway;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.agent.AgentDefinition;
import ai.cinatra.domain.agent.Step;
import ai.cinatra.domain.agent.StepKind;
import ai.cinatra.domain.agent.Template;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.GrantId;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.EventType;
import ai.cinatra.domain.run.PendingApproval;
import ai.cinatra.domain.run.RunId;
import ai.cinatra.domain.run.RunStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a run's steps in order, persisting each step's result with the run's next position in
 * one transaction, so a run resumes after a crash from its last persisted step. Stops at an
 * approval, at the end, at a stop request, or at a failure, which ends the run with the reason. A
 * step that takes longer than its timeout (its own {@code timeoutSeconds}, else the server's) fails
 * the run; calls to the outside are given that timeout so they give up in time.
 */
public final class RunEngine implements ExecuteRunUseCase {
  private static final Logger LOG = LoggerFactory.getLogger(RunEngine.class);

  /** The client an agent run acts through, as audit entries of its writes show. */
  static final ClientId RUN_CLIENT = new ClientId("agent-run");

  /** Steps one execution runs before it lets other runs have the worker. */
  static final int STEPS_PER_EXECUTION = 20;

  private final RunRepository runs;
  private final AgentRepository agents;
  private final AccountRepository accounts;
  private final ObjectsUseCase objects;
  private final StepGateway gateway;
  private final RunStore store;
  private final Duration stepTimeout;
  private final Clock clock;

  RunEngine(
      RunRepository runs,
      AgentRepository agents,
      AccountRepository accounts,
      ObjectsUseCase objects,
      StepGateway gateway,
      RunStore store,
      Duration stepTimeout,
      Clock clock) {
    if (stepTimeout == null || stepTimeout.isNegative() || stepTimeout.isZero()) {
      throw new IllegalArgumentException("the step timeout is positive");
    }
    this.stepTimeout = stepTimeout;
    this.runs = runs;
    this.agents = agents;
    this.accounts = accounts;
    this.objects = objects;
    this.gateway = gateway;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public boolean execute(RunId id) {
    Optional<AgentRun> found = runs.find(id);
    if (found.isEmpty()
        || found.get().status().isTerminal()
        || found.get().status() == RunStatus.PENDING_APPROVAL) {
      return false;
    }
    AgentRun run = found.get();
    Optional<AgentDefinition> agent = agents.find(run.agent());
    if (run.status() == RunStatus.QUEUED) {
      run =
          store.save(
              run,
              run.start(clock.instant()),
              new RunEvents().add(EventType.RUN_STARTED, Map.of("runId", id.toString())));
    }
    if (agent.isEmpty()) {
      fail(run, "agent " + run.agent() + " is no longer installed");
      return false;
    }
    for (int done = 0; done < STEPS_PER_EXECUTION; done++) {
      if (run.stopRequested()) {
        store.save(run, run.stop(clock.instant()), finished("stopped"));
        return false;
      }
      if (run.position() >= agent.get().steps().size()) {
        store.save(run, run.complete(clock.instant()), finished("completed"));
        return false;
      }
      Step step = agent.get().steps().get(run.position());
      RunEvents events = new RunEvents().add(EventType.STEP_STARTED, Map.of("stepName", step.id()));
      Object output;
      Duration limit = step.timeout().orElse(stepTimeout);
      Instant began = clock.instant();
      try {
        Optional<PendingApproval> approval = approvalOf(step, context(run));
        if (approval.isPresent()) {
          Map<String, Object> interrupt = new LinkedHashMap<>();
          interrupt.put("stepId", step.id());
          interrupt.put("title", step.settings().getOrDefault("title", "Approval needed"));
          interrupt.put("screen", approval.get().screen());
          interrupt.put("proposed", approval.get().proposed());
          store.save(run, run.pause(approval.get()), events.add(EventType.INTERRUPT, interrupt));
          return false;
        }
        output = perform(run, step, events, limit);
        if (overran(began, limit)) {
          fail(run, timedOut(step, limit, "it finished too late"));
          return false;
        }
      } catch (ApplicationException | InvalidValueException e) {
        fail(
            run,
            overran(began, limit)
                ? timedOut(step, limit, e.getMessage())
                : "step " + step.id() + " failed: " + e.getMessage());
        return false;
      } catch (RuntimeException e) {
        LOG.error("run {} step {} failed", id, step.id(), e);
        fail(run, "step " + step.id() + " failed unexpectedly; the server logged the cause");
        return false;
      }
      events.add(EventType.STEP_FINISHED, Map.of("stepName", step.id()));
      run = store.save(run, run.stepDone(step.id(), output), events);
    }
    return true;
  }

  private boolean overran(Instant began, Duration limit) {
    return Duration.between(began, clock.instant()).compareTo(limit) >= 0;
  }

  private static String timedOut(Step step, Duration limit, String detail) {
    return "step "
        + step.id()
        + " exceeded its timeout of "
        + limit.toSeconds()
        + " s ("
        + detail
        + "); set timeoutSeconds on the step to allow longer";
  }

  private static Optional<PendingApproval> approvalOf(Step step, Map<String, Object> context) {
    if (step.kind() != StepKind.APPROVAL) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> screen = (Map<String, Object>) step.settings().get("screen");
    Object proposed = Template.render(step.settings().getOrDefault("proposed", Map.of()), context);
    @SuppressWarnings("unchecked")
    Map<String, Object> values =
        proposed instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of("value", proposed);
    return Optional.of(new PendingApproval(step.id(), screen, values));
  }

  private Object perform(AgentRun run, Step step, RunEvents events, Duration limit) {
    Map<String, Object> context = context(run);
    Map<String, Object> settings = step.settings();
    String messageId = run.id() + ":" + step.id();
    switch (step.kind()) {
      case MESSAGE -> {
        String text = String.valueOf(Template.render(settings.get("text"), context));
        message(events, messageId, text);
        return Map.of("text", text);
      }
      case MODEL -> {
        String text =
            gateway.askModel(
                String.valueOf(Template.render(settings.getOrDefault("system", ""), context)),
                String.valueOf(Template.render(settings.get("prompt"), context)),
                limit);
        message(events, messageId, text);
        return Map.of("text", text);
      }
      case OBJECTS_SAVE -> {
        if (!(Template.render(settings.get("data"), context) instanceof Map<?, ?> data)) {
          throw new InvalidValueException("data must render to a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) data;
        var saved =
            objects.saveObject(
                actingAs(run),
                fields,
                Optional.ofNullable((String) settings.get("typeHint")),
                Optional.empty());
        events.add(
            EventType.STATE_SNAPSHOT,
            Map.of("objectId", saved.object().id().toString(), "isNew", saved.isNew()));
        return Map.of("objectId", saved.object().id().toString(), "isNew", saved.isNew());
      }
      case CONNECTOR -> {
        String name = settings.get("connector") + "_" + settings.get("operation");
        @SuppressWarnings("unchecked")
        Map<String, Object> arguments =
            (Map<String, Object>)
                Template.render(settings.getOrDefault("arguments", Map.of()), context);
        events.add(
            EventType.TOOL_CALL_START, Map.of("toolCallId", messageId, "toolCallName", name));
        events.add(EventType.TOOL_CALL_ARGS, Map.of("toolCallId", messageId, "args", arguments));
        events.add(EventType.TOOL_CALL_END, Map.of("toolCallId", messageId));
        Map<String, Object> result =
            gateway.callConnector(
                String.valueOf(settings.get("connector")),
                String.valueOf(settings.get("operation")),
                arguments,
                messageId,
                limit);
        events.add(EventType.TOOL_CALL_RESULT, Map.of("toolCallId", messageId, "content", result));
        return result;
      }
      default ->
          throw new InvalidValueException(
              "step kind " + step.kind().wireName() + " cannot run here");
    }
  }

  /** The starter, with the role they have now: a demoted starter's run may no longer write. */
  private Actor actingAs(AgentRun run) {
    Account account =
        accounts
            .findById(run.startedBy())
            .filter(Account::isActive)
            .orElseThrow(
                () -> new InvalidValueException("the account that started the run is disabled"));
    return new Actor(
        account.id(),
        account.email(),
        account.role(),
        RUN_CLIENT,
        new GrantId(run.id().value()),
        Set.of());
  }

  private static void message(RunEvents events, String messageId, String text) {
    events.add(EventType.TEXT_MESSAGE_START, Map.of("messageId", messageId, "role", "assistant"));
    events.add(EventType.TEXT_MESSAGE_CONTENT, Map.of("messageId", messageId, "delta", text));
    events.add(EventType.TEXT_MESSAGE_END, Map.of("messageId", messageId));
  }

  private static Map<String, Object> context(AgentRun run) {
    return Map.of("inputs", run.inputs(), "steps", run.outputs());
  }

  private static RunEvents finished(String status) {
    return new RunEvents().add(EventType.RUN_FINISHED, Map.of("status", status));
  }

  private void fail(AgentRun run, String reason) {
    store.save(
        run,
        run.fail(reason, clock.instant()),
        new RunEvents().add(EventType.RUN_ERROR, Map.of("message", reason)));
  }
}
