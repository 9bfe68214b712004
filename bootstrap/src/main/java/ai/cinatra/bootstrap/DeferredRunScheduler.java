package ai.cinatra.bootstrap;

import ai.cinatra.application.port.out.RunScheduler;
import ai.cinatra.domain.run.RunId;

/**
 * The run scheduler the services are built with; the server sets the real one once it exists. In a
 * command (no scheduler), a new run waits for a server's sweeper to pick it up.
 */
final class DeferredRunScheduler implements RunScheduler {
  private volatile RunScheduler target = run -> {};

  void set(RunScheduler scheduler) {
    this.target = scheduler;
  }

  @Override
  public void schedule(RunId run) {
    target.schedule(run);
  }
}
