package ai.cinatra.domain.account;

import ai.cinatra.domain.error.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/** An account's sign-in address, normalised to lower case so that one person cannot hold two. */
public record Email(String value) {
  /** RFC 5321 caps a path at 256 octets including the brackets, so an address at 254. */
  public static final int MAX_LENGTH = 254;

  private static final int MAX_LOCAL_PART = 64;
  private static final Pattern LOCAL_PART = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~.-]+");
  private static final Pattern DOMAIN =
      Pattern.compile(
          "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");

  public Email {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException("email is required");
    }
    value = value.strip().toLowerCase(Locale.ROOT);
    if (value.length() > MAX_LENGTH) {
      throw new InvalidValueException("email is longer than " + MAX_LENGTH + " characters");
    }
    int at = value.lastIndexOf('@');
    if (at <= 0 || at == value.length() - 1 || value.indexOf('@') != at) {
      throw new InvalidValueException("not an email address: " + value);
    }
    String local = value.substring(0, at);
    String domain = value.substring(at + 1);
    if (local.length() > MAX_LOCAL_PART
        || !LOCAL_PART.matcher(local).matches()
        || local.startsWith(".")
        || local.endsWith(".")
        || local.contains("..")
        || !DOMAIN.matcher(domain).matches()) {
      throw new InvalidValueException("not an email address: " + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
