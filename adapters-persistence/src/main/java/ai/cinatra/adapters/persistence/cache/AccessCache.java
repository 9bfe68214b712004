package ai.cinatra.adapters.persistence.cache;

import ai.cinatra.adapters.persistence.JdbiTransactions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-memory copies of the rows read on every MCP request (grants, accounts, sessions, and the
 * agents and connectors that make up the tool list), so a request costs no database round-trip,
 * kept as safe as reading the database: a write on this node drops them once it commits; a write on
 * another node moves the shared counter, which {@link #poll} sees within its period; and while
 * polling fails or lags, nothing is served from memory at all.
 */
public final class AccessCache {
  private static final Logger LOG = LoggerFactory.getLogger(AccessCache.class);

  /** Copies kept per kind at most; past that the kind starts over (a burst of new sessions). */
  static final int MAX_ENTRIES = 50_000;

  /** How old a copy may get even without any change seen: a backstop, not the mechanism. */
  static final Duration MAX_AGE = Duration.ofSeconds(60);

  private final AccessChanges changes;
  private final LongSupplier nanoTime;
  private final long stalePollNanos;
  private final long maxAgeNanos = MAX_AGE.toNanos();

  private volatile Generation current = new Generation();
  private volatile long seenCounter = Long.MIN_VALUE;
  private volatile long lastPollNanos;
  private volatile boolean polledOnce;

  /** The copies made since the last change seen; a change replaces the whole generation. */
  private static final class Generation {
    final Map<Kind, Map<Object, Entry>> byKind = new ConcurrentHashMap<>();

    Map<Object, Entry> of(Kind kind) {
      return byKind.computeIfAbsent(kind, k -> new ConcurrentHashMap<>());
    }
  }

  private record Entry(Object value, long loadedAtNanos) {}

  /** What is kept: one map per kind of row. */
  public enum Kind {
    GRANT,
    ACCOUNT,
    SESSION,
    /** Agents and connectors, which decide the tools a listing shows. */
    CATALOG
  }

  /**
   * @param changes the shared counter
   * @param stalePoll how long after the last successful poll the copies are still trusted: the
   *     bound on how late another node's change is seen here
   * @param nanoTime a monotonic clock (System::nanoTime outside tests)
   */
  public AccessCache(AccessChanges changes, Duration stalePoll, LongSupplier nanoTime) {
    this.changes = changes;
    this.stalePollNanos = stalePoll.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * The row for {@code key}: the copy when it is trusted, else what {@code load} reads (kept only
   * when found, so an unknown key is never remembered as missing).
   */
  @SuppressWarnings("unchecked")
  <K, V> Optional<V> find(Kind kind, K key, Function<K, Optional<V>> load) {
    long now = nanoTime.getAsLong();
    if (!trusted(now)) {
      return load.apply(key);
    }
    Generation generation = current; // read before the database: a later change drops this one
    Map<Object, Entry> copies = generation.of(kind);
    Entry entry = copies.get(key);
    if (entry != null && now - entry.loadedAtNanos() < maxAgeNanos) {
      return Optional.of((V) entry.value());
    }
    Optional<V> loaded = load.apply(key);
    loaded.ifPresent(
        value -> {
          if (copies.size() >= MAX_ENTRIES) {
            copies.clear();
          }
          copies.put(key, new Entry(value, now));
        });
    return loaded;
  }

  /** Replaces this node's copy, if any, after a write that does not take access away. */
  <K, V> void replace(Kind kind, K key, Function<V, V> change) {
    current
        .of(kind)
        .computeIfPresent(
            key, (k, entry) -> new Entry(change.apply(castValue(entry)), entry.loadedAtNanos()));
  }

  @SuppressWarnings("unchecked")
  private static <V> V castValue(Entry entry) {
    return (V) entry.value();
  }

  /**
   * Records a write that may take access away: moves the shared counter in the writer's transaction
   * and drops this node's copies once it commits.
   */
  void changed() {
    changes.bump();
    JdbiTransactions.afterCommit(this::dropAll);
  }

  /** Reads the shared counter; drops every copy when it moved. Called every few hundred ms. */
  public void poll() {
    try {
      long counter = changes.read();
      // After a lag (the database was away, the node paused) start afresh rather than trust copies
      // from before it: the counter catches every write through this code, not one made by hand.
      if (counter != seenCounter || !trusted(nanoTime.getAsLong())) {
        seenCounter = counter;
        dropAll();
      }
      lastPollNanos = nanoTime.getAsLong();
      polledOnce = true;
    } catch (RuntimeException e) {
      LOG.debug("access change poll failed; serving from the database until it works", e);
    }
  }

  private boolean trusted(long now) {
    return polledOnce && now - lastPollNanos < stalePollNanos;
  }

  private void dropAll() {
    current = new Generation();
  }
}
