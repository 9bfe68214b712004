package ai.cinatra.bootstrap;

import ai.cinatra.adapters.oauth.Argon2PasswordHasher;
import ai.cinatra.adapters.oauth.Jose4jAccessTokens;
import ai.cinatra.adapters.oauth.KeyEncryption;
import ai.cinatra.adapters.oauth.RsaSigningKeyFactory;
import ai.cinatra.adapters.persistence.JdbiSetup;
import ai.cinatra.adapters.persistence.account.JdbiAccountRepository;
import ai.cinatra.adapters.persistence.oauth.JdbiClientRepository;
import ai.cinatra.adapters.persistence.oauth.JdbiSigningKeyRepository;
import ai.cinatra.application.service.AccountService;
import ai.cinatra.application.service.ClientRegistrationService;
import ai.cinatra.application.service.ServerAddressService;
import ai.cinatra.application.service.SigningKeyService;
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
    ServerAddressService serverAddress,
    SigningKeyService signingKeys,
    Jose4jAccessTokens accessTokens) {

  static Wiring on(Jdbi jdbi, Clock clock, CinatraConfiguration configuration) {
    JdbiSetup.configure(jdbi);
    OAuthSettings oauth = configuration.getOauth();
    KeyEncryption keyEncryption = new KeyEncryption(KeyEncryptionKeys.resolve(oauth));
    JdbiSigningKeyRepository keys = new JdbiSigningKeyRepository(jdbi);
    Jose4jAccessTokens accessTokens =
        new Jose4jAccessTokens(
            keys,
            keyEncryption,
            clock,
            Duration.ofMillis(oauth.getAccessTokenLifetime().toMilliseconds()));
    return new Wiring(
        new AccountService(new JdbiAccountRepository(jdbi), new Argon2PasswordHasher(), clock),
        new ClientRegistrationService(
            new JdbiClientRepository(jdbi),
            clock,
            oauth.getRegistrationBurst(),
            Duration.ofMillis(oauth.getRegistrationRefill().toMilliseconds())),
        new ServerAddressService(new ServerAddress(configuration.getBaseUrl())),
        new SigningKeyService(keys, new RsaSigningKeyFactory(keyEncryption), accessTokens, clock),
        accessTokens);
  }
}
