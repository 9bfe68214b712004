package ai.cinatra.bootstrap.oauth;

import ai.cinatra.bootstrap.CinatraApplication;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The real application on a clock a test can move forward: time passes, and then some. */
public final class MovableClockApplication extends CinatraApplication {
  /** How far ahead of the system clock the application's clock runs. */
  static final AtomicReference<Duration> AHEAD = new AtomicReference<>(Duration.ZERO);

  static void moveForward(Duration by) {
    AHEAD.updateAndGet(ahead -> ahead.plus(by));
  }

  static void reset() {
    AHEAD.set(Duration.ZERO);
  }

  @Override
  protected Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.now().plus(AHEAD.get());
      }
    };
  }
}
