package ai.cinatra.application.service;

import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.port.out.RunEventRepository;
import ai.cinatra.application.port.out.RunRepository;
import ai.cinatra.application.port.out.TransactionRunner;
import ai.cinatra.domain.run.AgentRun;
import java.time.Clock;

/**
 * Writes a run's next state and its events in one transaction, only if nobody moved the run
 * meanwhile: so each step's result and the run's next position land together, once.
 */
final class RunStore {
  private final RunRepository runs;
  private final RunEventRepository events;
  private final TransactionRunner transactions;
  private final Clock clock;

  RunStore(
      RunRepository runs, RunEventRepository events, TransactionRunner transactions, Clock clock) {
    this.runs = runs;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  AgentRun save(AgentRun before, AgentRun after, RunEvents produced) {
    return transactions.inTransaction(
        () -> {
          if (!runs.update(after, before.status(), before.position())) {
            throw new ConflictException(
                "run " + before.id() + " changed meanwhile; read it again (agent_run_get)");
          }
          events.append(produced.numbered(after.id(), events.lastId(after.id()), clock.instant()));
          return after;
        });
  }
}
