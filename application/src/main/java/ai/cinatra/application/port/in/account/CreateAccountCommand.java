package ai.cinatra.application.port.in.account;

import ai.cinatra.domain.account.Email;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.error.InvalidValueException;
import java.util.Optional;

/** Asks for a new account; without a password, one is generated and handed back once. */
public record CreateAccountCommand(Email email, Role role, Optional<String> password) {
  public CreateAccountCommand {
    if (email == null || role == null || password == null) {
      throw new InvalidValueException("an account needs an email and a role");
    }
  }

  @Override
  public String toString() {
    return "CreateAccountCommand[email=" + email + ", role=" + role + "]";
  }
}
