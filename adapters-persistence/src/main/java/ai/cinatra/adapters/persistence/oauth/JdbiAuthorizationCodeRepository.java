package ai.cinatra.adapters.persistence.oauth;

import ai.cinatra.adapters.persistence.JdbiTransactions;
import ai.cinatra.application.port.out.AuthorizationCodeRepository;
import ai.cinatra.domain.oauth.AuthorizationCode;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The AuthorizationCodeRepository through JDBI; consumption is one conditional update. */
public final class JdbiAuthorizationCodeRepository implements AuthorizationCodeRepository {
  private final Jdbi jdbi;
  private final GrantStoreRowMapper mapper = GrantStoreRowMapper.INSTANCE;

  public JdbiAuthorizationCodeRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  private GrantStoreDao dao() {
    return JdbiTransactions.dao(jdbi, GrantStoreDao.class);
  }

  @Override
  public void add(AuthorizationCode code) {
    dao().insertCode(mapper.toRow(code));
  }

  @Override
  public Optional<AuthorizationCode> findByHash(String codeHash) {
    return dao().findCode(codeHash).map(mapper::toCode);
  }

  @Override
  public boolean consume(String codeHash, Instant at) {
    return dao().consumeCode(codeHash, at) == 1;
  }
}
