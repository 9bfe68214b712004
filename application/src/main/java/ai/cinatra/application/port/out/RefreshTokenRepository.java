package ai.cinatra.application.port.out;

import ai.cinatra.domain.oauth.RefreshToken;
import ai.cinatra.domain.oauth.RefreshToken.State;
import java.util.List;
import java.util.Optional;

/** Stores refresh tokens by their hash, with their place in the rotation chain. */
public interface RefreshTokenRepository {
  void add(RefreshToken token);

  Optional<RefreshToken> findByHash(String tokenHash);

  /** The token, locked until the surrounding transaction ends, so two refreshes take turns. */
  Optional<RefreshToken> findByHashForUpdate(String tokenHash);

  /** The tokens that replaced this one. */
  List<RefreshToken> findChildren(String parentHash);

  void setState(String tokenHash, State state);
}
