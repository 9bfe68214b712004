package ai.cinatra.domain.account;

import ai.cinatra.domain.error.InvalidValueException;

/** A password as stored: an encoded slow salted hash, never the password itself. */
public record PasswordHash(String encoded) {
  public PasswordHash {
    if (encoded == null || encoded.isBlank()) {
      throw new InvalidValueException("password hash is required");
    }
  }

  /** Kept out of logs and exception messages. */
  @Override
  public String toString() {
    return "PasswordHash[redacted]";
  }
}
