package ai.cinatra.domain.account;

import ai.cinatra.domain.error.InvalidValueException;

/** The rule every new password must meet; sign-in attempts are only bounded, never judged. */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 12;

  /** Long enough for any passphrase, short enough that hashing it costs nothing extra. */
  public static final int MAX_LENGTH = 256;

  private PasswordPolicy() {}

  public static void checkNewPassword(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      throw new InvalidValueException("a password needs at least " + MIN_LENGTH + " characters");
    }
    if (password.length() > MAX_LENGTH) {
      throw new InvalidValueException("a password may have at most " + MAX_LENGTH + " characters");
    }
    if (password.isBlank()) {
      throw new InvalidValueException("a password cannot be only blanks");
    }
  }
}
