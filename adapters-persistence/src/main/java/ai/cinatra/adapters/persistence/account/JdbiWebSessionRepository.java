package ai.cinatra.adapters.persistence.account;

import ai.cinatra.adapters.persistence.account.WebSessionDao.SessionRow;
import ai.cinatra.application.port.out.WebSessionRepository;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.account.WebSession;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The WebSessionRepository through JDBI, shared by every node. */
public final class JdbiWebSessionRepository implements WebSessionRepository {
  private final WebSessionDao dao;

  public JdbiWebSessionRepository(Jdbi jdbi) {
    this.dao = jdbi.onDemand(WebSessionDao.class);
  }

  @Override
  public void add(WebSession session) {
    dao.insert(
        new SessionRow(
            session.tokenHash(),
            session.account().value(),
            session.csrfToken(),
            session.createdAt(),
            session.expiresAt()));
  }

  @Override
  public Optional<WebSession> findByHash(String tokenHash) {
    return dao.find(tokenHash)
        .map(
            r ->
                new WebSession(
                    r.tokenHash(),
                    new AccountId(r.accountId()),
                    r.csrfToken(),
                    r.createdAt(),
                    r.expiresAt()));
  }

  @Override
  public void delete(String tokenHash) {
    dao.delete(tokenHash);
  }
}
