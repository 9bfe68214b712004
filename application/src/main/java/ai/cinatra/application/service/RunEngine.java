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
import ai.cinatra.domain.agent.ApprovalStep;
import ai.cinatra.domain.agent.ConnectorStep;
import ai.cinatra.domain.agent.MessageStep;
import ai.cinatra.domain.agent.ModelStep;
import ai.cinatra.domain.agent.ObjectsSaveStep;
import ai.cinatra.domain.agent.Step;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.GrantId;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.EventType;
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
  private final MessageStepExecutor message = new MessageStepExecutor();
  private final ApprovalStepExecutor approval = new ApprovalStepExecutor();
  private final ModelStepExecutor model;
  private final ConnectorStepExecutor connector;
  private final ObjectsSaveStepExecutor objectsSave;
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
    this.model = new ModelStepExecutor(gateway);
    this.connector = new ConnectorStepExecutor(gateway);
    this.objectsSave = new ObjectsSaveStepExecutor(objects, this::actingAs);
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
      Duration limit = step.timeout().orElse(stepTimeout);
      Instant began = clock.instant();
      Object output;
      try {
        StepExecutor.Outcome outcome =
            execute(step, new StepExecutor.StepContext(run, events, limit));
        if (outcome instanceof StepExecutor.Outcome.Paused paused) {
          Map<String, Object> interrupt = new LinkedHashMap<>();
          interrupt.put("stepId", step.id());
          interrupt.put("title", paused.title());
          interrupt.put("screen", paused.approval().screen());
          interrupt.put("proposed", paused.approval().proposed());
          store.save(run, run.pause(paused.approval()), events.add(EventType.INTERRUPT, interrupt));
          return false;
        }
        output = ((StepExecutor.Outcome.Done) outcome).output();
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

  /** The executor of the step's kind; the step types are sealed, so the list is complete. */
  private StepExecutor.Outcome execute(Step step, StepExecutor.StepContext context) {
    if (step instanceof MessageStep s) {
      return message.execute(s, context);
    } else if (step instanceof ModelStep s) {
      return model.execute(s, context);
    } else if (step instanceof ConnectorStep s) {
      return connector.execute(s, context);
    } else if (step instanceof ObjectsSaveStep s) {
      return objectsSave.execute(s, context);
    } else if (step instanceof ApprovalStep s) {
      return approval.execute(s, context);
    }
    throw new IllegalStateException("no executor for " + step.getClass().getSimpleName());
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
