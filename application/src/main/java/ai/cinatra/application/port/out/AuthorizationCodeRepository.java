package ai.cinatra.application.port.out;

import ai.cinatra.domain.oauth.AuthorizationCode;
import java.time.Instant;
import java.util.Optional;

/** Stores authorization codes by their hash. */
public interface AuthorizationCodeRepository {
  void add(AuthorizationCode code);

  Optional<AuthorizationCode> findByHash(String codeHash);

  /**
   * Marks the code used; true for exactly one caller however many race, false when it was used
   * before (a replay).
   */
  boolean consume(String codeHash, Instant at);
}
