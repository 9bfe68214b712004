package ai.cinatra.application.port.in.account;

/** Creates an account with a role and a password. */
public interface CreateAccountUseCase {
  CreatedAccount createAccount(CreateAccountCommand command);
}
