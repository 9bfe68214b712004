package ai.cinatra.bootstrap;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.concurrent.TimeUnit;

/** How agent runs execute on this node. */
public class RunSettings {
  /**
   * Runs one node executes at once; 0 makes a node that serves requests and schedules runs but
   * leaves executing them to the other nodes.
   */
  @JsonProperty
  @Min(0)
  @Max(200)
  int workerThreads = 4;

  /** How often a node looks for runs that are due (a new run on this node starts at once). */
  @JsonProperty
  @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
  Duration pollingInterval = Duration.seconds(2);

  /**
   * How often a node says it is still executing a run; four missed heartbeats and another node
   * takes the run over from its last persisted step.
   */
  @JsonProperty
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  Duration heartbeatInterval = Duration.seconds(15);

  /**
   * How long a step may take unless it sets its own {@code timeoutSeconds}; a step that takes
   * longer fails its run. Calls to the outside are also cut at 30 s whatever this says.
   */
  @JsonProperty
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  @MaxDuration(value = 1, unit = TimeUnit.HOURS)
  Duration stepTimeout = Duration.seconds(60);
}
