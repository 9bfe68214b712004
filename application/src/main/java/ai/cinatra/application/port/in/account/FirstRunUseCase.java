package ai.cinatra.application.port.in.account;

import ai.cinatra.domain.account.Email;

/** The first start of a fresh install: the person at the machine creates the first admin. */
public interface FirstRunUseCase {

  /** Whether no account exists yet and the first admin may be created. */
  boolean isOpen();

  /**
   * Creates the first admin, once: a second attempt, even a concurrent one on another node, is
   * refused.
   *
   * @throws ai.cinatra.application.error.ConflictException when an account already exists
   */
  CreatedAccount createFirstAdmin(Email email, String password);
}
