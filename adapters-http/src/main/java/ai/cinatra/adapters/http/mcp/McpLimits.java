package ai.cinatra.adapters.http.mcp;

import java.time.Duration;

/**
 * The MCP endpoint's bounds and stream timing, from configuration.
 *
 * @param maxJsonDepth deepest nesting of a message's JSON
 * @param maxStringLength longest single JSON string, in characters
 * @param streams whether GET opens a server-to-client stream (405 when off)
 * @param retry the reconnect delay an SSE stream tells the client
 * @param streamMaxAge how long one GET stream stays open before the server closes it and the client
 *     reconnects with Last-Event-ID (keeps proxies and load balancers from cutting it)
 * @param pollInterval how often an open stream looks in the store for messages other nodes wrote
 * @param clientRequestTimeout how long a tool waits for the client to answer a sampling or
 *     elicitation request
 */
public record McpLimits(
    int maxJsonDepth,
    int maxStringLength,
    boolean streams,
    Duration retry,
    Duration streamMaxAge,
    Duration pollInterval,
    Duration clientRequestTimeout) {

  public McpLimits {
    if (maxJsonDepth < 4 || maxStringLength < 256) {
      throw new IllegalArgumentException("maxJsonDepth >= 4 and maxStringLength >= 256");
    }
    if (retry.isNegative() || streamMaxAge.isNegative() || streamMaxAge.isZero()) {
      throw new IllegalArgumentException("stream durations must be positive");
    }
    if (pollInterval.toMillis() < 10 || clientRequestTimeout.isNegative()) {
      throw new IllegalArgumentException("pollInterval >= 10ms, clientRequestTimeout >= 0");
    }
  }
}
