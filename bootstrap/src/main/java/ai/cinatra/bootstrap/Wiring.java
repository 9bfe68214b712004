package ai.cinatra.bootstrap;

import ai.cinatra.adapters.oauth.Argon2PasswordHasher;
import ai.cinatra.adapters.persistence.JdbiSetup;
import ai.cinatra.adapters.persistence.account.JdbiAccountRepository;
import ai.cinatra.adapters.persistence.oauth.JdbiClientRepository;
import ai.cinatra.application.service.AccountService;
import ai.cinatra.application.service.ClientRegistrationService;
import ai.cinatra.application.service.ServerAddressService;
import ai.cinatra.domain.oauth.ServerAddress;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * The core's services built on their adapters, with `new`; shared by the server and the commands.
 */
record Wiring(
    AccountService accounts,
    ClientRegistrationService clientRegistration,
    ServerAddressService serverAddress) {

  static Wiring on(Jdbi jdbi, Clock clock, CinatraConfiguration configuration) {
    JdbiSetup.configure(jdbi);
    OAuthSettings oauth = configuration.getOauth();
    return new Wiring(
        new AccountService(new JdbiAccountRepository(jdbi), new Argon2PasswordHasher(), clock),
        new ClientRegistrationService(
            new JdbiClientRepository(jdbi),
            clock,
            oauth.getRegistrationBurst(),
            Duration.ofMillis(oauth.getRegistrationRefill().toMilliseconds())),
        new ServerAddressService(new ServerAddress(configuration.getBaseUrl())));
  }
}
