package ai.cinatra.domain.account;

import ai.cinatra.domain.error.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an account may do: each role includes everything the roles below it may do. */
public enum Role {
  VIEWER,
  MEMBER,
  ADMIN;

  /** True when this role grants at least what {@code required} grants. */
  public boolean includes(Role required) {
    return compareTo(required) >= 0;
  }

  /** The role's name as it appears in the protocol and on the command line. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String text) {
    if (text != null) {
      for (Role role : values()) {
        if (role.wireName().equals(text.strip().toLowerCase(Locale.ROOT))) {
          return role;
        }
      }
    }
    throw new InvalidValueException(
        "unknown role '"
            + text
            + "'; expected one of "
            + Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", ")));
  }
}
