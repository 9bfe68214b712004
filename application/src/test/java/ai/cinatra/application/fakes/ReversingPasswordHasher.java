package ai.cinatra.application.fakes;

import ai.cinatra.application.port.out.PasswordHasher;
import ai.cinatra.domain.account.PasswordHash;

/** A fast, obviously fake hasher for service tests: the "hash" is the reversed password. */
public final class ReversingPasswordHasher implements PasswordHasher {
  @Override
  public PasswordHash hash(String password) {
    return new PasswordHash("fake$" + new StringBuilder(password).reverse());
  }

  @Override
  public boolean matches(String password, PasswordHash hash) {
    return hash(password).encoded().equals(hash.encoded());
  }
}
