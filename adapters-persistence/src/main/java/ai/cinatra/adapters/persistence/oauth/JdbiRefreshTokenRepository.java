package ai.cinatra.adapters.persistence.oauth;

import ai.cinatra.adapters.persistence.JdbiTransactions;
import ai.cinatra.application.port.out.RefreshTokenRepository;
import ai.cinatra.domain.oauth.RefreshToken;
import ai.cinatra.domain.oauth.RefreshToken.State;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The RefreshTokenRepository through JDBI; reads for rotation lock the row. */
public final class JdbiRefreshTokenRepository implements RefreshTokenRepository {
  private final Jdbi jdbi;
  private final GrantStoreRowMapper mapper = GrantStoreRowMapper.INSTANCE;

  public JdbiRefreshTokenRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  private GrantStoreDao dao() {
    return JdbiTransactions.dao(jdbi, GrantStoreDao.class);
  }

  @Override
  public void add(RefreshToken token) {
    dao().insertRefresh(mapper.toRow(token));
  }

  @Override
  public Optional<RefreshToken> findByHash(String tokenHash) {
    return dao().findRefresh(tokenHash).map(mapper::toRefresh);
  }

  @Override
  public Optional<RefreshToken> findByHashForUpdate(String tokenHash) {
    return dao().findRefreshForUpdate(tokenHash).map(mapper::toRefresh);
  }

  @Override
  public List<RefreshToken> findChildren(String parentHash) {
    return dao().findRefreshChildren(parentHash).stream().map(mapper::toRefresh).toList();
  }

  @Override
  public void setState(String tokenHash, State state) {
    dao().setRefreshState(tokenHash, state.name());
  }
}
