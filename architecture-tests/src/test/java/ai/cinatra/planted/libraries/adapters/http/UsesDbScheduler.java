package ai.cinatra.planted.libraries.adapters.http;

/** Planted violation: the job library used outside the persistence adapter. */
public class UsesDbScheduler {
  public Class<?> used() {
    return com.github.kagkarlsson.scheduler.Scheduler.class;
  }
}
