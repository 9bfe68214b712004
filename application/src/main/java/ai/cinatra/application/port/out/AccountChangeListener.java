package ai.cinatra.application.port.out;

import ai.cinatra.domain.account.AccountId;

/** Told when an account's role changes, so connected clients can learn their tools changed. */
@FunctionalInterface
public interface AccountChangeListener {
  void roleChanged(AccountId account);
}
