package ai.cinatra.application.service;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets per key (a client address), in this node's memory: generous enough for one busy
 * host that registers on every connect, tight enough to stop a flood. Bounded in keys, so a spray
 * of addresses cannot exhaust memory.
 */
final class RateLimiter {
  private static final int MAX_KEYS = 10_000;

  private final int capacity;
  private final Duration refillEvery;
  private final Map<String, Bucket> buckets =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
          return size() > MAX_KEYS;
        }
      };

  private record Bucket(double tokens, Instant at) {}

  /**
   * @param capacity requests allowed in a burst
   * @param refillEvery time for one request to become available again
   */
  RateLimiter(int capacity, Duration refillEvery) {
    if (capacity < 1 || refillEvery.isNegative() || refillEvery.isZero()) {
      throw new IllegalArgumentException("a rate limit needs a capacity and a refill interval");
    }
    this.capacity = capacity;
    this.refillEvery = refillEvery;
  }

  synchronized boolean tryAcquire(String key, Instant now) {
    Bucket bucket = buckets.getOrDefault(key, new Bucket(capacity, now));
    double elapsed = Math.max(0, Duration.between(bucket.at(), now).toNanos());
    double tokens = Math.min(capacity, bucket.tokens() + elapsed / refillEvery.toNanos());
    if (tokens < 1) {
      buckets.put(key, new Bucket(tokens, now));
      return false;
    }
    buckets.put(key, new Bucket(tokens - 1, now));
    return true;
  }
}
