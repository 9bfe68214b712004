package ai.cinatra.bootstrap;

import ai.cinatra.adapters.oauth.Argon2PasswordHasher;
import ai.cinatra.adapters.persistence.JdbiSetup;
import ai.cinatra.adapters.persistence.account.JdbiAccountRepository;
import ai.cinatra.application.service.AccountService;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The core's services built on their adapters, with `new`; shared by the server and the commands.
 */
record Wiring(AccountService accounts) {

  static Wiring on(Jdbi jdbi, Clock clock) {
    JdbiSetup.configure(jdbi);
    return new Wiring(
        new AccountService(new JdbiAccountRepository(jdbi), new Argon2PasswordHasher(), clock));
  }
}
