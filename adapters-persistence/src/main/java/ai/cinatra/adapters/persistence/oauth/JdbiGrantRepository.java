package ai.cinatra.adapters.persistence.oauth;

import ai.cinatra.adapters.persistence.JdbiTransactions;
import ai.cinatra.application.port.out.GrantRepository;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.Grant;
import ai.cinatra.domain.oauth.GrantId;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The GrantRepository through JDBI. */
public final class JdbiGrantRepository implements GrantRepository {
  private final Jdbi jdbi;
  private final GrantStoreRowMapper mapper = GrantStoreRowMapper.INSTANCE;

  public JdbiGrantRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  private GrantStoreDao dao() {
    return JdbiTransactions.dao(jdbi, GrantStoreDao.class);
  }

  @Override
  public void add(Grant grant) {
    dao().insertGrant(mapper.toRow(grant));
  }

  @Override
  public Optional<Grant> findById(GrantId id) {
    return dao().findGrant(id.value()).map(mapper::toGrant);
  }

  @Override
  public void revoke(GrantId id, Instant at) {
    dao().revokeGrant(id.value(), at);
  }

  @Override
  public int revokeAllOfClient(ClientId client, Instant at) {
    return dao().revokeGrantsOfClient(client.value(), at);
  }
}
