package ai.cinatra.adapters.http.sse;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Feeds one open Server-Sent Events stream from the store: its tick runs on the scheduler at a
 * fixed delay until it says the stream is done or fails, so events written on any node reach a
 * stream held on this one. The MCP streams and the run event stream both pump this way.
 */
public final class SsePump {

  /** One round: writes what is new; true while the stream goes on. */
  @FunctionalInterface
  public interface Tick {
    boolean next() throws Exception;
  }

  /** Called once when the pump stops, whatever stopped it. */
  @FunctionalInterface
  public interface Finish {
    void run();
  }

  private final Tick tick;
  private final Finish finish;
  private ScheduledFuture<?> future;
  private boolean finished;

  private SsePump(Tick tick, Finish finish) {
    this.tick = tick;
    this.finish = finish;
  }

  /** Starts pumping at once, then every {@code every} until the tick says done. */
  public static SsePump start(
      ScheduledExecutorService scheduler, Duration every, Tick tick, Finish finish) {
    SsePump pump = new SsePump(tick, finish);
    ScheduledFuture<?> scheduled =
        scheduler.scheduleWithFixedDelay(pump::round, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    pump.scheduled(scheduled);
    return pump;
  }

  private void round() {
    boolean more;
    try {
      more = tick.next();
    } catch (Exception e) {
      more = false; // the client left, or the store failed: the client reconnects and resumes
    }
    if (!more) {
      stop();
    }
  }

  /** The first round may end the stream before scheduling returns; whichever comes last cancels. */
  private synchronized void scheduled(ScheduledFuture<?> scheduled) {
    future = scheduled;
    if (finished) {
      future.cancel(false);
    }
  }

  private void stop() {
    synchronized (this) {
      if (finished) {
        return;
      }
      finished = true;
      if (future != null) {
        future.cancel(false);
      }
    }
    finish.run();
  }

  /** One SSE event: an id to resume from, a type when there is one, and one line of data. */
  public static String event(String id, String type, String data) {
    return "id: " + id + (type == null ? "" : "\nevent: " + type) + "\ndata: " + data + "\n\n";
  }
}
