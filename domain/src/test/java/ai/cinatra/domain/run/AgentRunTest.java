package ai.cinatra.domain.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.agent.AgentId;
import ai.cinatra.domain.error.InvalidValueException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AgentRunTest {
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  private static final PendingApproval APPROVAL =
      new PendingApproval("approve", Map.of("type", "object"), Map.of("amount", 10));

  /** Every way anything may try to move a run. */
  enum Attempt {
    START(r -> r.start(T0)),
    STEP_DONE(r -> r.stepDone("s" + r.position(), "out")),
    PAUSE(r -> r.pause(APPROVAL)),
    RESUME(r -> r.resume(Map.of("decision", "approve"))),
    COMPLETE(r -> r.complete(T0)),
    FAIL(r -> r.fail("boom", T0)),
    STOP(r -> r.stop(T0)),
    REQUEST_STOP(r -> r.requestStop(T0));

    final UnaryOperator<AgentRun> change;

    Attempt(UnaryOperator<AgentRun> change) {
      this.change = change;
    }
  }

  static AgentRun queued() {
    return AgentRun.queue(
        RunId.random(),
        new AgentId("writer"),
        AccountId.random(),
        Map.of("topic", "x"),
        Optional.empty(),
        T0);
  }

  @Provide
  Arbitrary<List<Attempt>> attempts() {
    return Arbitraries.of(Attempt.class).list().ofMaxSize(30);
  }

  @Property
  void anySequenceOfAttempts_followsOnlyTheAllowedEdges(
      @ForAll("attempts") @Size(max = 30) List<Attempt> attempts) {
    AgentRun run = queued();
    for (Attempt attempt : attempts) {
      AgentRun before = run;
      try {
        run = attempt.change.apply(run);
      } catch (InvalidValueException refused) {
        assertThat(run).isSameAs(before);
        continue;
      }
      assertThat(before.status() == run.status() || before.status().canBecome(run.status()))
          .as("%s --%s--> %s", before.status(), attempt, run.status())
          .isTrue();
      assertThat(before.status().isTerminal()).as("a terminal run never changes").isFalse();
      assertThat(run.position()).isGreaterThanOrEqualTo(before.position());
      assertThat(run.endedAt().isPresent()).isEqualTo(run.status().isTerminal());
      assertThat(run.pendingApproval().isPresent())
          .isEqualTo(run.status() == RunStatus.PENDING_APPROVAL);
    }
  }

  @Property
  void terminalRuns_refuseEveryChange(@ForAll Attempt attempt, @ForAll("ends") AgentRun ended) {
    assertThatThrownBy(() -> attempt.change.apply(ended)).isInstanceOf(InvalidValueException.class);
  }

  @Provide
  Arbitrary<AgentRun> ends() {
    return Arbitraries.of(
        queued().start(T0).complete(T0), queued().start(T0).fail("x", T0), queued().stop(T0));
  }

  @Test
  void approvalRoundTrip_recordsTheAnswerAsTheStepsOutput_andMovesOn() {
    AgentRun paused = queued().start(T0).stepDone("first", "hello").pause(APPROVAL);
    assertThat(paused.status()).isEqualTo(RunStatus.PENDING_APPROVAL);
    assertThat(paused.position()).isEqualTo(1);

    AgentRun resumed = paused.resume(Map.of("decision", "approve"));
    assertThat(resumed.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(resumed.position()).isEqualTo(2);
    assertThat(resumed.outputs()).containsEntry("approve", Map.of("decision", "approve"));
    assertThat(resumed.pendingApproval()).isEmpty();
  }

  @Test
  void anAnsweredApproval_movesOn_branchesOnRejection_orStops() {
    AgentRun paused = queued().start(T0).stepDone("first", "hello").pause(APPROVAL);
    ApprovalAnswer approve =
        new ApprovalAnswer(ApprovalDecision.APPROVE, Map.of("decision", "approve"));
    ApprovalAnswer reject =
        new ApprovalAnswer(ApprovalDecision.REJECT, Map.of("decision", "reject"));

    AgentRun approved = paused.answer(approve, OptionalInt.of(0), T0);
    assertThat(approved.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(approved.position()).as("the branch is for rejections only").isEqualTo(2);

    AgentRun branched = paused.answer(reject, OptionalInt.of(5), T0);
    assertThat(branched.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(branched.position()).isEqualTo(5);
    assertThat(branched.outputs()).containsEntry("approve", Map.of("decision", "reject"));

    AgentRun stopped = paused.answer(reject, OptionalInt.empty(), T0.plusSeconds(3));
    assertThat(stopped.status()).isEqualTo(RunStatus.STOPPED);
    assertThat(stopped.endedAt()).contains(T0.plusSeconds(3));
  }

  @Test
  void requestStop_stopsAQueuedOrPausedRunAtOnce_butARunningOneOnlyMarksIt() {
    assertThat(queued().requestStop(T0).status()).isEqualTo(RunStatus.STOPPED);
    assertThat(queued().start(T0).pause(APPROVAL).requestStop(T0).status())
        .isEqualTo(RunStatus.STOPPED);
    AgentRun marked = queued().start(T0).requestStop(T0);
    assertThat(marked.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(marked.stopRequested()).isTrue();
  }

  @Test
  void resumingARunThatIsNotPaused_isRefusedWithAMessageThatSaysWhy() {
    assertThatThrownBy(() -> queued().start(T0).resume(Map.of()))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("running run cannot become running");
    assertThatThrownBy(() -> queued().start(T0).complete(T0).resume(Map.of()))
        .hasMessageContaining("it has ended");
  }

  @Test
  void statuses_parseFromTheirWireNames_only() {
    for (RunStatus status : RunStatus.values()) {
      assertThat(RunStatus.parse(status.wireName())).isEqualTo(status);
    }
    assertThatThrownBy(() -> RunStatus.parse("RUNNING")).isInstanceOf(InvalidValueException.class);
  }
}
