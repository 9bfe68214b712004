package ai.cinatra.adapters.http.mcp;

import java.time.Duration;

/** The endpoint's bounds for its tests: small, quick to poll, streams on or off. */
final class TestLimits {
  private TestLimits() {}

  static McpLimits of(boolean streams, Duration clientRequestTimeout) {
    return new McpLimits(
        64,
        1024,
        streams,
        Duration.ofSeconds(1),
        Duration.ofMinutes(5),
        Duration.ofMillis(20),
        clientRequestTimeout);
  }
}
