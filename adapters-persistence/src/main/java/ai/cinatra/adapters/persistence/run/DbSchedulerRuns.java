package ai.cinatra.adapters.persistence.run;

import ai.cinatra.application.port.in.run.ExecuteRunUseCase;
import ai.cinatra.application.port.out.RunRepository;
import ai.cinatra.application.port.out.RunScheduler;
import ai.cinatra.domain.run.RunId;
import ai.cinatra.domain.run.RunStatus;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Runs execute as db-scheduler jobs, one job per run: any node picks it up, only one at a time, and
 * a node that dies mid-run is noticed by its missed heartbeats and the run is picked up again from
 * its last persisted step. A sweeper reschedules queued or running runs that lost their job.
 */
public final class DbSchedulerRuns implements RunScheduler {
  /**
   * Worker settings: threads per node (0: this node schedules runs but executes none) and the
   * timing of polls and heartbeats.
   */
  public record Settings(int threads, Duration pollingInterval, Duration heartbeatInterval) {
    public Settings {
      if (threads < 0) {
        throw new IllegalArgumentException("worker threads are 0 or more");
      }
    }
  }

  static final int MISSED_HEARTBEATS = 4;
  static final Duration SWEEP_EVERY = Duration.ofSeconds(30);

  private final CustomTask<Void> runTask;
  private final Scheduler scheduler;
  private final SchedulerClient client;

  public DbSchedulerRuns(
      DataSource dataSource,
      Supplier<ExecuteRunUseCase> engine,
      RunRepository runs,
      Settings settings) {
    this.runTask =
        Tasks.custom("agent-run", Void.class)
            .onFailureReschedule(Schedules.fixedDelay(Duration.ofSeconds(10)))
            .onDeadExecutionRevive()
            .execute(
                (instance, context) -> {
                  RunId id = RunId.parse(instance.getId());
                  boolean more = engine.get().execute(id);
                  return (complete, operations) -> {
                    // A resume that raced with this execution's end finds the job still here and
                    // does not schedule; so look again before letting the job go.
                    boolean moving =
                        more
                            || runs.find(id)
                                .map(
                                    r ->
                                        r.status() == RunStatus.RUNNING
                                            || r.status() == RunStatus.QUEUED)
                                .orElse(false);
                    if (moving) {
                      operations.reschedule(complete, Instant.now());
                    } else {
                      operations.remove();
                    }
                  };
                });
    RecurringTask<Void> sweeper =
        Tasks.recurring("agent-run-sweeper", Schedules.fixedDelay(SWEEP_EVERY))
            .execute((instance, context) -> runs.unfinished(500).forEach(this::schedule));
    if (settings.threads() == 0) {
      this.scheduler = null;
      this.client =
          SchedulerClient.Builder.create(dataSource, runTask)
              .jdbcCustomization(new AutodetectJdbcCustomization(dataSource, true))
              .build();
      return;
    }
    this.scheduler =
        Scheduler.create(dataSource, runTask)
            .startTasks(sweeper)
            .threads(settings.threads())
            .pollingInterval(settings.pollingInterval())
            .heartbeatInterval(settings.heartbeatInterval())
            .missedHeartbeatsLimit(MISSED_HEARTBEATS)
            .enableImmediateExecution()
            .alwaysPersistTimestampInUTC()
            .build();
    this.client = scheduler;
  }

  @Override
  public void schedule(RunId run) {
    client.scheduleIfNotExists(runTask.instance(run.toString()), Instant.now());
  }

  public void start() {
    if (scheduler != null) {
      scheduler.start();
    }
  }

  public void stop() {
    if (scheduler != null) {
      scheduler.stop();
    }
  }
}
