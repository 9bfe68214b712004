package ai.cinatra.application.port.out;

import ai.cinatra.domain.run.RunId;

/**
 * Gets a run's next steps executed soon, on some node; asking twice for the same run is harmless,
 * and one run never executes on two nodes at once.
 */
public interface RunScheduler {
  void schedule(RunId run);
}
