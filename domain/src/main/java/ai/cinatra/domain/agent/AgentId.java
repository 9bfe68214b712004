package ai.cinatra.domain.agent;

import ai.cinatra.domain.error.InvalidValueException;
import java.util.regex.Pattern;

/** Names an installed agent: lower-case letters, digits, '-' and '_', as tool names allow. */
public record AgentId(String value) {
  private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

  public AgentId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new InvalidValueException(
          "an agent id is 1 to 63 lower-case letters, digits, '-' or '_', starting with a letter or"
              + " digit");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
