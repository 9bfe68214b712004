package ai.cinatra.application.port.out;

import ai.cinatra.domain.access.PersonalAccessToken;
import ai.cinatra.domain.account.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores personal access tokens by the hash of their secret. */
public interface PersonalAccessTokenRepository {
  void add(PersonalAccessToken token);

  Optional<PersonalAccessToken> findByHash(String tokenHash);

  List<PersonalAccessToken> listOf(AccountId account);

  /** Revokes it if active; false when there is no such active token. */
  boolean revoke(UUID id, Instant at);

  void markUsed(UUID id, Instant at);
}
