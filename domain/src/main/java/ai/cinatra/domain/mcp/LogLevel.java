package ai.cinatra.domain.mcp;

import ai.cinatra.domain.error.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** RFC 5424 severities as MCP logging names them, least severe first. */
public enum LogLevel {
  DEBUG,
  INFO,
  NOTICE,
  WARNING,
  ERROR,
  CRITICAL,
  ALERT,
  EMERGENCY;

  /** The level's name on the wire. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a message at this level passes a session that asked for {@code threshold}. */
  public boolean passes(LogLevel threshold) {
    return compareTo(threshold) >= 0;
  }

  public static LogLevel parse(String text) {
    for (LogLevel level : values()) {
      if (level.wireName().equals(text)) {
        return level;
      }
    }
    throw new InvalidValueException(
        "level must be one of "
            + Arrays.stream(values()).map(LogLevel::wireName).collect(Collectors.joining(", ")));
  }
}
