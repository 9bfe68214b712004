package ai.cinatra.application.port.in.account;

import ai.cinatra.domain.account.Account;
import java.util.List;

/** Lists every account, oldest first. */
public interface ListAccountsQuery {
  List<Account> listAccounts();
}
