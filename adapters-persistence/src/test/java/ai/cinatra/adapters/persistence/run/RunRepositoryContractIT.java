package ai.cinatra.adapters.persistence.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.cinatra.adapters.persistence.Store;
import ai.cinatra.adapters.persistence.TestDatabase;
import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.fakes.InMemoryRuns;
import ai.cinatra.application.port.out.RunEventRepository;
import ai.cinatra.application.port.out.RunRepository;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.agent.AgentId;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.EventType;
import ai.cinatra.domain.run.PendingApproval;
import ai.cinatra.domain.run.RunEvent;
import ai.cinatra.domain.run.RunId;
import ai.cinatra.domain.run.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs and their events, run against the in-memory fake, H2 and the real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Store.class)
class RunRepositoryContractIT {
  private static final Instant T0 = Instant.parse("2026-11-29T10:15:30.123456Z");

  @Parameter Store store;

  private Optional<TestDatabase> database;
  private RunRepository runs;
  private RunEventRepository events;
  private final AccountId ada = AccountId.random();

  @BeforeEach
  void openDatabase() {
    database = store.open();
    if (database.isPresent()) {
      JdbiRunRepository stored = new JdbiRunRepository(database.get().jdbi());
      runs = stored;
      events = stored;
    } else {
      InMemoryRuns fake = new InMemoryRuns();
      runs = fake;
      events = fake;
    }
  }

  @AfterEach
  void dropDatabase() {
    database.ifPresent(TestDatabase::close);
  }

  private AgentRun queued(Optional<String> key, Instant at) {
    AgentRun run =
        AgentRun.queue(
            RunId.random(),
            new AgentId("payout"),
            ada,
            Map.of("amount", 12, "who", "Ada"),
            key,
            at);
    runs.add(run);
    return run;
  }

  @Test
  void aRun_roundTripsThroughItsStates_andUpdatesOnlyFromTheExpectedOne() {
    AgentRun run = queued(Optional.of("k-1"), T0);
    assertThat(runs.find(run.id())).contains(run);
    assertThat(runs.findByIdempotencyKey(ada, "k-1")).contains(run);
    assertThatThrownBy(() -> queued(Optional.of("k-1"), T0)).isInstanceOf(ConflictException.class);

    AgentRun started = run.start(T0);
    assertThat(runs.update(started, RunStatus.QUEUED, 0)).isTrue();
    AgentRun paused =
        started
            .stepDone("hello", Map.of("text", "hi"))
            .pause(new PendingApproval("approve", Map.of("type", "object"), Map.of("amount", 12)));
    assertThat(runs.update(paused, RunStatus.QUEUED, 0)).isFalse();
    assertThat(runs.update(paused, RunStatus.RUNNING, 0)).isTrue();
    assertThat(runs.find(run.id())).contains(paused);
    assertThat(runs.unfinished(10)).isEmpty();
  }

  @Test
  void aStopRequest_survivesAWriterThatReadTheRunBeforeIt() {
    AgentRun running = queued(Optional.empty(), T0).start(T0);
    runs.update(running, RunStatus.QUEUED, 0);
    assertThat(runs.update(running.requestStop(T0), RunStatus.RUNNING, 0)).isTrue();
    assertThat(runs.update(running.stepDone("a", "out"), RunStatus.RUNNING, 0)).isTrue();
    AgentRun stored = runs.find(running.id()).orElseThrow();
    assertThat(stored.stopRequested()).isTrue();
    assertThat(stored.position()).isEqualTo(1);
    assertThat(runs.unfinished(10)).containsExactly(running.id());
  }

  @Test
  void pages_areNewestFirst_perStarter_andEventsReadAfterAnId() {
    AgentRun older = queued(Optional.empty(), T0);
    AgentRun newer = queued(Optional.empty(), T0.plusSeconds(1));
    assertThat(
            runs.page(Optional.of(ada), Optional.empty(), Optional.empty(), Optional.empty(), 10))
        .containsExactly(newer, older);
    assertThat(
            runs.page(
                Optional.of(AccountId.random()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                10))
        .isEmpty();
    assertThat(
            runs.page(
                Optional.empty(),
                Optional.of(RunStatus.QUEUED),
                Optional.of(new AgentId("payout")),
                Optional.of(new RunRepository.PageEnd(newer.createdAt(), newer.id())),
                10))
        .containsExactly(older);

    // Runs created at the same instant: the id breaks the tie, so a page boundary loses none.
    AgentRun twinA = queued(Optional.empty(), T0.plusSeconds(5));
    AgentRun twinB = queued(Optional.empty(), T0.plusSeconds(5));
    List<AgentRun> firstPage =
        runs.page(Optional.of(ada), Optional.empty(), Optional.empty(), Optional.empty(), 1);
    AgentRun first = firstPage.get(0);
    List<AgentRun> rest =
        runs.page(
            Optional.of(ada),
            Optional.empty(),
            Optional.empty(),
            Optional.of(new RunRepository.PageEnd(first.createdAt(), first.id())),
            10);
    assertThat(first).isIn(twinA, twinB);
    assertThat(rest)
        .hasSize(3)
        .startsWith(first.equals(twinA) ? twinB : twinA)
        .endsWith(newer, older);

    events.append(
        List.of(
            new RunEvent(older.id(), 1, EventType.RUN_STARTED, Map.of("runId", "x"), T0),
            new RunEvent(older.id(), 2, EventType.STEP_STARTED, Map.of("stepName", "a"), T0)));
    assertThat(events.lastId(older.id())).isEqualTo(2);
    assertThat(events.lastId(newer.id())).isZero();
    assertThat(events.after(older.id(), 1, 10))
        .extracting(RunEvent::type)
        .containsExactly(EventType.STEP_STARTED);
  }
}
