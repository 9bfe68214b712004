package ai.cinatra.application.service;

import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.port.in.run.RunsUseCase;
import ai.cinatra.application.port.in.workspace.ObjectsUseCase;
import ai.cinatra.application.port.out.AccountRepository;
import ai.cinatra.application.port.out.AgentRepository;
import ai.cinatra.application.port.out.AuditRepository;
import ai.cinatra.application.port.out.JsonSchemaCheck;
import ai.cinatra.application.port.out.RunEventRepository;
import ai.cinatra.application.port.out.RunRepository;
import ai.cinatra.application.port.out.RunScheduler;
import ai.cinatra.application.port.out.StepGateway;
import ai.cinatra.application.port.out.TransactionRunner;
import ai.cinatra.domain.access.AccessPolicy;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.access.Primitive;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.agent.AgentId;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.paging.PageCursor;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.ApprovalAnswer;
import ai.cinatra.domain.run.EventType;
import ai.cinatra.domain.run.PendingApproval;
import ai.cinatra.domain.run.RunEvent;
import ai.cinatra.domain.run.RunId;
import ai.cinatra.domain.run.RunStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Agent runs as people and clients meet them; the work itself is the RunEngine's. */
public final class RunService implements RunsUseCase {
  static final String DEFAULT_APPROVAL_NOTE = "[Approved by operator]";
  static final int EVENTS_PER_READ = 200;
  static final int RUNS_PER_PAGE = 50;
  static final int MAX_IDEMPOTENCY_KEY = 200;

  private final RunRepository runs;
  private final RunEventRepository events;
  private final AgentRepository agents;
  private final RunScheduler scheduler;
  private final RunStore store;
  private final Auditor auditor;
  private final Clock clock;

  private final JsonSchemaCheck schemas;

  public RunService(
      RunRepository runs,
      RunEventRepository events,
      AgentRepository agents,
      RunScheduler scheduler,
      AuditRepository audit,
      TransactionRunner transactions,
      JsonSchemaCheck schemas,
      Clock clock) {
    this.runs = runs;
    this.schemas = schemas;
    this.events = events;
    this.agents = agents;
    this.scheduler = scheduler;
    this.store = new RunStore(runs, events, transactions, clock);
    this.auditor = new Auditor(audit, transactions, clock);
    this.clock = clock;
  }

  /** The store the engine writes through, shared so both write runs the same way. */
  public RunEngine engine(
      AccountRepository accounts,
      ObjectsUseCase objects,
      StepGateway gateway,
      Duration stepTimeout) {
    return new RunEngine(runs, agents, accounts, objects, gateway, store, stepTimeout, clock);
  }

  @Override
  public AgentRun start(
      Actor actor, AgentId agentId, Map<String, Object> inputs, Optional<String> idempotencyKey) {
    if (idempotencyKey.isPresent()
        && (idempotencyKey.get().isBlank()
            || idempotencyKey.get().length() > MAX_IDEMPOTENCY_KEY)) {
      throw new InvalidInputException(
          "idempotencyKey is 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
    }
    AgentRun run =
        auditor.mutate(
            actor,
            Primitive.RUNS_START,
            "agent_run",
            agentId.value(),
            () -> {
              if (agents.find(agentId).isEmpty()) {
                throw new NotFoundException("no agent with id " + agentId + "; see agent_list");
              }
              Optional<AgentRun> earlier =
                  idempotencyKey.flatMap(k -> runs.findByIdempotencyKey(actor.account(), k));
              if (earlier.isPresent()) {
                return earlier.get();
              }
              AgentRun queued =
                  AgentRun.queue(
                      RunId.random(),
                      agentId,
                      actor.account(),
                      inputs,
                      idempotencyKey,
                      clock.instant());
              runs.add(queued);
              return queued;
            });
    scheduler.schedule(run.id());
    return run;
  }

  @Override
  public RunView get(Actor actor, RunId id, long afterEventId) {
    return view(visible(actor, id), afterEventId);
  }

  @Override
  public RunView resume(
      Actor actor,
      RunId id,
      Optional<Map<String, Object>> userResponse,
      Optional<String> approvalNote) {
    AgentRun resumed =
        auditor.mutate(
            actor,
            Primitive.RUNS_OWN,
            "agent_run_resume",
            id.toString(),
            () -> {
              AgentRun run = visible(actor, id);
              if (run.status() != RunStatus.PENDING_APPROVAL) {
                throw new ConflictException(
                    "run " + id + " is " + run.status().wireName() + ", not waiting for approval");
              }
              PendingApproval pending = run.pendingApproval().get();
              ApprovalAnswer answer = answerOf(pending, userResponse, approvalNote);
              List<String> problems = schemas.problems(pending.screen(), answer.values());
              if (!problems.isEmpty()) {
                throw new InvalidInputException(
                    "the answer does not fit the approval's screen: "
                        + String.join("; ", problems)
                        + "; the run is still waiting for an answer");
              }
              OptionalInt onReject =
                  agents
                      .find(run.agent())
                      .flatMap(a -> a.onReject().map(a::positionOf))
                      .orElse(OptionalInt.empty());
              AgentRun next = run.answer(answer, onReject, clock.instant());
              RunEvents produced =
                  new RunEvents()
                      .add(
                          EventType.RESUME,
                          Map.of("stepId", pending.stepId(), "response", answer.values()));
              if (next.status() == RunStatus.STOPPED) {
                produced.add(
                    EventType.RUN_FINISHED, Map.of("status", "stopped", "reason", "rejected"));
              }
              return store.save(run, next, produced);
            });
    if (resumed.status() == RunStatus.RUNNING) {
      scheduler.schedule(id);
    }
    return view(resumed, 0);
  }

  private static ApprovalAnswer answerOf(
      PendingApproval pending,
      Optional<Map<String, Object>> userResponse,
      Optional<String> approvalNote) {
    try {
      return ApprovalAnswer.of(pending, userResponse, approvalNote.orElse(DEFAULT_APPROVAL_NOTE));
    } catch (InvalidValueException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  @Override
  public RunView stop(Actor actor, RunId id) {
    AgentRun stopped =
        auditor.mutate(
            actor,
            Primitive.RUNS_OWN,
            "agent_run_stop",
            id.toString(),
            () -> {
              AgentRun run = visible(actor, id);
              AgentRun next = run.requestStop(clock.instant());
              RunEvents produced = new RunEvents();
              if (next.status() == RunStatus.STOPPED) {
                produced.add(EventType.RUN_FINISHED, Map.of("status", "stopped"));
              }
              return store.save(run, next, produced);
            });
    return view(stopped, 0);
  }

  @Override
  public RunPage list(
      Actor actor, Optional<RunStatus> status, Optional<AgentId> agent, Optional<String> cursor) {
    Auditor.require(actor, Primitive.RUNS_OWN, "read runs");
    Optional<RunRepository.PageEnd> after = cursor.map(RunService::decode);
    List<AgentRun> page =
        runs.page(
            actor.role() == Role.ADMIN ? Optional.empty() : Optional.of(actor.account()),
            status,
            agent,
            after,
            RUNS_PER_PAGE + 1);
    if (page.size() <= RUNS_PER_PAGE) {
      return new RunPage(page, Optional.empty());
    }
    List<AgentRun> shown = page.subList(0, RUNS_PER_PAGE);
    return new RunPage(shown, Optional.of(encode(shown.get(RUNS_PER_PAGE - 1))));
  }

  private RunView view(AgentRun run, long afterEventId) {
    List<RunEvent> batch = events.after(run.id(), afterEventId, EVENTS_PER_READ);
    long next = batch.isEmpty() ? afterEventId : batch.get(batch.size() - 1).id();
    int pollAfterMs =
        switch (run.status()) {
          case QUEUED -> 2000;
          case RUNNING -> 3000;
          case PENDING_APPROVAL -> 5000;
          case COMPLETED, FAILED, STOPPED -> 0;
        };
    return new RunView(run, batch, next, pollAfterMs);
  }

  /** The run if this actor may see it; someone else's is "not found", as an unknown one is. */
  private AgentRun visible(Actor actor, RunId id) {
    Auditor.require(actor, Primitive.RUNS_OWN, "read runs");
    return runs.find(id)
        .filter(r -> AccessPolicy.maySee(actor, r))
        .orElseThrow(() -> new NotFoundException("no run with id " + id));
  }

  /** The cursor after a run: its creation time and id, so runs created together are not lost. */
  private static String encode(AgentRun last) {
    return PageCursor.encode(new PageCursor.Position(last.createdAt(), last.id().toString()));
  }

  private static RunRepository.PageEnd decode(String cursor) {
    try {
      PageCursor.Position at = PageCursor.position(cursor);
      return new RunRepository.PageEnd(at.createdAt(), RunId.parse(at.id()));
    } catch (InvalidValueException | IllegalArgumentException e) {
      throw new InvalidInputException("invalid cursor; pass back a nextCursor this server gave");
    }
  }
}
