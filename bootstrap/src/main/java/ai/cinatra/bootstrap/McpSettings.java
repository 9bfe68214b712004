package ai.cinatra.bootstrap;

import ai.cinatra.adapters.http.mcp.McpLimits;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.concurrent.TimeUnit;

/** The MCP endpoint's limits and stream timing an operator may tune. */
public class McpSettings {
  /** Largest request body on /api/mcp (and everywhere but /oauth/, which has its own 64 KiB). */
  @JsonProperty
  @MinDataSize(value = 4, unit = DataSizeUnit.KIBIBYTES)
  @MaxDataSize(value = 64, unit = DataSizeUnit.MEBIBYTES)
  DataSize maxRequestSize = DataSize.mebibytes(1);

  @JsonProperty
  @Min(4)
  @Max(1000)
  int maxJsonDepth = 64;

  /** Longest single JSON string in a message, in characters. */
  @JsonProperty
  @Min(256)
  int maxStringLength = 256 * 1024;

  @JsonProperty
  @Min(1)
  @Max(100_000)
  int maxSessionsPerAccount = 200;

  /** Tools per tools/list page; well under the 128 tools some clients silently cut off at. */
  @JsonProperty
  @Min(1)
  @Max(1000)
  int toolsPageSize = 50;

  /** False answers GET /api/mcp with 405: no server-to-client stream. */
  @JsonProperty boolean streams = true;

  @JsonProperty
  @MinDuration(value = 0, unit = TimeUnit.MILLISECONDS)
  Duration streamRetry = Duration.seconds(1);

  @JsonProperty
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  Duration streamMaxAge = Duration.minutes(5);

  @JsonProperty
  @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
  Duration streamPollInterval = Duration.milliseconds(500);

  @JsonProperty
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  Duration clientRequestTimeout = Duration.minutes(10);

  /** Interactive tool calls running at once on this node; more are answered "busy". */
  @JsonProperty
  @Min(1)
  @Max(10_000)
  int maxConcurrentToolCalls = 64;

  /**
   * Test only: serves the MCP extensions found on the class path (the conformance suite's fixture
   * pack, which the shipped jar does not contain). Never set it on a server people use.
   */
  @JsonProperty boolean testFixtures = false;

  McpLimits toLimits() {
    return new McpLimits(
        maxJsonDepth,
        maxStringLength,
        streams,
        millis(streamRetry),
        millis(streamMaxAge),
        millis(streamPollInterval),
        millis(clientRequestTimeout));
  }

  private static java.time.Duration millis(Duration duration) {
    return java.time.Duration.ofMillis(duration.toMilliseconds());
  }
}
