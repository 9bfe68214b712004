package ai.cinatra.application.port.out;

import ai.cinatra.domain.account.PasswordHash;

/** Turns passwords into slow salted hashes and checks a password against one. */
public interface PasswordHasher {

  PasswordHash hash(String password);

  /** True only when {@code password} is the one {@code hash} was made from; takes constant time. */
  boolean matches(String password, PasswordHash hash);
}
