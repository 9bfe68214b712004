package ai.cinatra.bootstrap.command;

import java.util.ArrayList;
import java.util.List;

/** Words a failure as one line for the operator's terminal: no stack trace, no list of hints. */
public final class OneLine {
  private OneLine() {}

  public static String of(Throwable error) {
    String message = error.getMessage();
    if (message == null || message.isBlank()) {
      message = error.getClass().getSimpleName();
    }
    List<String> parts = new ArrayList<>();
    for (String line : message.split("\\R")) {
      String part = line.strip();
      // Dropwizard's configuration errors end with a long "Did you mean?" list of every known key.
      if (part.startsWith("Did you mean")) {
        break;
      }
      if (part.startsWith("* ")) {
        part = part.substring(2);
      }
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return "error: " + String.join(" ", parts);
  }
}
