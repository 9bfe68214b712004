package ai.cinatra.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.error.ForbiddenException;
import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.fakes.DirectTransactions;
import ai.cinatra.application.fakes.InMemoryAccountRepository;
import ai.cinatra.application.fakes.InMemoryAgentRepository;
import ai.cinatra.application.fakes.InMemoryRuns;
import ai.cinatra.application.fakes.InMemoryWorkspace;
import ai.cinatra.application.fakes.MutableClock;
import ai.cinatra.application.port.in.run.RunsUseCase.RunView;
import ai.cinatra.application.port.out.StepGateway;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.account.Account;
import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.PasswordHash;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.agent.AgentDefinition;
import ai.cinatra.domain.agent.AgentId;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.GrantId;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.EventType;
import ai.cinatra.domain.run.RunEvent;
import ai.cinatra.domain.run.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunServiceTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private final InMemoryRuns runs = new InMemoryRuns();
  private final InMemoryAgentRepository agents = new InMemoryAgentRepository();
  private final InMemoryAccountRepository accounts = new InMemoryAccountRepository();
  private final InMemoryWorkspace workspace = new InMemoryWorkspace();
  private final List<String> calls = new ArrayList<>();
  private final List<String> schemaProblems = new ArrayList<>();
  private final List<Map<String, Object>> checked = new ArrayList<>();
  private final RunService service =
      new RunService(
          runs,
          runs,
          agents,
          runs,
          workspace,
          new DirectTransactions(),
          (schema, value) -> {
            checked.add(value);
            return List.copyOf(schemaProblems);
          },
          clock);
  private final RunEngine engine =
      service.engine(
          accounts,
          new ObjectService(workspace, workspace, workspace, new DirectTransactions(), clock),
          new StepGateway() {
            @Override
            public Map<String, Object> callConnector(
                String connector,
                String operation,
                Map<String, Object> arguments,
                String key,
                Duration timeout) {
              calls.add(connector + "_" + operation + " " + arguments + " " + key + " " + timeout);
              clock.advance(callTakes);
              if (callTakes.compareTo(timeout) >= 0) {
                throw new InvalidInputException("hooks.example did not answer in time");
              }
              return Map.of("status", 200);
            }

            @Override
            public String askModel(String system, String prompt, Duration timeout) {
              return "model says " + prompt;
            }
          },
          Duration.ofSeconds(60));
  private Duration callTakes = Duration.ofMillis(20);
  private final Actor member = actor(Role.MEMBER);

  RunServiceTest() {
    agents.install(
        AgentDefinition.parse(
            Map.of(
                "agentId", "payout",
                "name", "Payout",
                "steps",
                    List.of(
                        Map.of("id", "hello", "kind", "message", "text", "Paying {{inputs.who}}"),
                        Map.of(
                            "id",
                            "approve",
                            "kind",
                            "approval",
                            "screen",
                            Map.of("type", "object"),
                            "proposed",
                            Map.of("amount", "{{inputs.amount}}")),
                        Map.of(
                            "id", "send",
                            "kind", "connector",
                            "connector", "webhook",
                            "operation", "post",
                            "arguments",
                                Map.of(
                                    "to", "{{inputs.who}}", "amount", "{{steps.approve.amount}}")),
                        Map.of(
                            "id", "note",
                            "kind", "objects_save",
                            "typeHint", "payout",
                            "data",
                                Map.of(
                                    "name",
                                    "{{inputs.who}}",
                                    "amount",
                                    "{{steps.approve.amount}}"))))),
        clock.instant());
  }

  private Actor actor(Role role) {
    Account account =
        Account.create(
            new Email(role.wireName() + "-" + accounts.list().size() + "@example.org"),
            role,
            new PasswordHash("$argon2id$x"),
            clock.instant());
    accounts.add(account);
    return new Actor(
        account.id(), account.email(), role, new ClientId("mcp_c"), GrantId.random(), Set.of());
  }

  private List<EventType> types(RunView view) {
    return view.events().stream().map(RunEvent::type).toList();
  }

  @Test
  void approvalAgent_runsToTheApproval_resumes_callsOnce_andCompletes() {
    AgentRun run =
        service.start(
            member, new AgentId("payout"), Map.of("who", "Ada", "amount", 12), Optional.empty());
    assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
    assertThat(runs.scheduled).containsExactly(run.id());

    assertThat(engine.execute(run.id())).isFalse();
    RunView paused = service.get(member, run.id(), 0);
    assertThat(paused.run().status()).isEqualTo(RunStatus.PENDING_APPROVAL);
    assertThat(paused.run().pendingApproval().orElseThrow().proposed()).containsEntry("amount", 12);
    assertThat(types(paused))
        .startsWith(EventType.RUN_STARTED, EventType.STEP_STARTED, EventType.TEXT_MESSAGE_START)
        .endsWith(EventType.INTERRUPT);
    assertThat(paused.pollAfterMs()).isEqualTo(5000);
    assertThat(calls).isEmpty();

    RunView resumed = service.resume(member, run.id(), Optional.empty(), Optional.empty());
    assertThat(resumed.run().status()).isEqualTo(RunStatus.RUNNING);
    assertThat(resumed.run().outputs().get("approve"))
        .isEqualTo(Map.of("amount", 12, "decision", "approve", "note", "[Approved by operator]"));
    assertThat(engine.execute(run.id())).isFalse();

    RunView done = service.get(member, run.id(), paused.nextEventId());
    assertThat(done.run().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(types(done)).startsWith(EventType.RESUME).endsWith(EventType.RUN_FINISHED);
    assertThat(done.events().get(0).id()).isEqualTo(paused.nextEventId() + 1);
    assertThat(calls)
        .singleElement()
        .satisfies(
            c ->
                assertThat(c)
                    .startsWith("webhook_post {")
                    .contains("to=Ada", "amount=12")
                    .endsWith(run.id() + ":send PT1M"));
    assertThat(workspace.audit)
        .extracting(e -> e.action() + ":" + e.client().value())
        .contains("objects_save:agent-run");
    assertThat(done.pollAfterMs()).isZero();
  }

  @Test
  void aStepPastItsTimeout_failsTheRun_sayingWhichStepAndHowLong() {
    agents.install(
        AgentDefinition.parse(
            Map.of(
                "agentId",
                "slow",
                "name",
                "Slow",
                "steps",
                List.of(
                    Map.of(
                        "id",
                        "send",
                        "kind",
                        "connector",
                        "connector",
                        "webhook",
                        "operation",
                        "post",
                        "timeoutSeconds",
                        5)))),
        clock.instant());
    callTakes = Duration.ofSeconds(5);
    AgentRun run = service.start(member, new AgentId("slow"), Map.of(), Optional.empty());
    engine.execute(run.id());

    AgentRun failed = service.get(member, run.id(), 0).run();
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.error().orElseThrow())
        .startsWith("step send exceeded its timeout of 5 s")
        .contains("set timeoutSeconds");
    assertThat(calls).singleElement().satisfies(c -> assertThat(c).endsWith("PT5S"));
  }

  @Test
  void rejection_stopsTheRun_andNothingIsCalled() {
    AgentRun run =
        service.start(
            member, new AgentId("payout"), Map.of("who", "Bo", "amount", 1), Optional.empty());
    engine.execute(run.id());
    RunView rejected =
        service.resume(
            member, run.id(), Optional.of(Map.of("decision", "reject")), Optional.empty());
    assertThat(rejected.run().status()).isEqualTo(RunStatus.STOPPED);
    assertThat(engine.execute(run.id())).isFalse();
    assertThat(calls).isEmpty();
    assertThatThrownBy(() -> service.resume(member, run.id(), Optional.empty(), Optional.empty()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("is stopped, not waiting for approval");
  }

  @Test
  void anAnswerOutsideTheClosedSet_orNotFittingTheScreen_isRefused_andTheRunKeepsWaiting() {
    AgentRun run =
        service.start(
            member, new AgentId("payout"), Map.of("who", "Bo", "amount", 1), Optional.empty());
    engine.execute(run.id());
    for (Map<String, Object> answer :
        List.<Map<String, Object>>of(
            Map.of("decision", "maybe"),
            Map.of("decision", "rejected", "amount", "abc"),
            Map.of("decision", "Reject"),
            Map.of("amount", 3))) {
      assertThatThrownBy(
              () -> service.resume(member, run.id(), Optional.of(answer), Optional.empty()))
          .as(answer.toString())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("decision must be \"approve\" or \"reject\"")
          .hasMessageContaining("still waiting");
    }
    schemaProblems.add("$.amount: string found, number expected");
    assertThatThrownBy(
            () ->
                service.resume(
                    member,
                    run.id(),
                    Optional.of(Map.of("decision", "approve", "amount", "abc")),
                    Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("does not fit the approval's screen: $.amount: string found");
    assertThat(checked).last().isEqualTo(Map.of("decision", "approve", "amount", "abc"));
    assertThat(service.get(member, run.id(), 0).run().status())
        .isEqualTo(RunStatus.PENDING_APPROVAL);
    assertThat(engine.execute(run.id())).isFalse();
    assertThat(calls).isEmpty();
    assertThat(workspace.audit)
        .extracting(e -> e.action() + ":" + e.outcome())
        .filteredOn(a -> a.startsWith("agent_run_resume"))
        .hasSize(5)
        .allMatch(a -> !a.endsWith("ok"), "every refusal is audited as such");

    schemaProblems.clear();
    assertThat(
            service
                .resume(
                    member, run.id(), Optional.of(Map.of("decision", "reject")), Optional.empty())
                .run()
                .status())
        .isEqualTo(RunStatus.STOPPED);
  }

  @Test
  void runsAreTheStartersAndAdmins_viewersCannotStart_andKeysMakeStartsIdempotent() {
    AgentRun first =
        service.start(
            member, new AgentId("payout"), Map.of("who", "A", "amount", 1), Optional.of("k-1"));
    AgentRun again =
        service.start(
            member, new AgentId("payout"), Map.of("who", "A", "amount", 1), Optional.of("k-1"));
    assertThat(again.id()).isEqualTo(first.id());

    Actor otherMember = actor(Role.MEMBER);
    assertThatThrownBy(() -> service.get(otherMember, first.id(), 0))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("no run with id " + first.id());
    assertThat(
            service.list(otherMember, Optional.empty(), Optional.empty(), Optional.empty()).runs())
        .isEmpty();
    Actor admin = actor(Role.ADMIN);
    assertThat(service.get(admin, first.id(), 0).run().id()).isEqualTo(first.id());
    assertThat(service.list(admin, Optional.empty(), Optional.empty(), Optional.empty()).runs())
        .hasSize(1);
    assertThatThrownBy(
            () ->
                service.start(
                    actor(Role.VIEWER), new AgentId("payout"), Map.of(), Optional.empty()))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> service.start(member, new AgentId("nope"), Map.of(), Optional.empty()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void stop_endsAQueuedRunAtOnce_andARunningOneAtItsNextStep() {
    AgentRun queued =
        service.start(
            member, new AgentId("payout"), Map.of("who", "A", "amount", 1), Optional.empty());
    assertThat(service.stop(member, queued.id()).run().status()).isEqualTo(RunStatus.STOPPED);
    assertThat(engine.execute(queued.id())).isFalse();
    assertThatThrownBy(() -> service.stop(member, queued.id())).hasMessageContaining("has ended");
  }

  @Test
  void aStarterDemotedToViewer_makesTheRunFailAtItsNextWrite() {
    AgentRun run =
        service.start(
            member, new AgentId("payout"), Map.of("who", "A", "amount", 1), Optional.empty());
    engine.execute(run.id());
    service.resume(member, run.id(), Optional.empty(), Optional.empty());
    accounts.updateRole(member.account(), Role.VIEWER);
    engine.execute(run.id());
    AgentRun failed = runs.find(run.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.error().orElseThrow()).contains("step note failed").contains("needs member");
  }
}
