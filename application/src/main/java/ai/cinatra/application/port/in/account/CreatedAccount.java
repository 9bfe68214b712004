package ai.cinatra.application.port.in.account;

import ai.cinatra.domain.account.Account;
import java.util.Optional;

/**
 * The account just made and, when the server chose the password, that password: shown once, never
 * stored.
 */
public record CreatedAccount(Account account, Optional<String> generatedPassword) {
  @Override
  public String toString() {
    return "CreatedAccount[account=" + account + "]";
  }
}
