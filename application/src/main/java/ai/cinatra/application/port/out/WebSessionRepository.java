package ai.cinatra.application.port.out;

import ai.cinatra.domain.account.WebSession;
import java.util.Optional;

/** Stores browser sessions, so any node can serve a signed-in person. */
public interface WebSessionRepository {
  void add(WebSession session);

  Optional<WebSession> findByHash(String tokenHash);

  void delete(String tokenHash);
}
