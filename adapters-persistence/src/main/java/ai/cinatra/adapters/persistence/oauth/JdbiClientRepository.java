package ai.cinatra.adapters.persistence.oauth;

import ai.cinatra.application.port.out.ClientRepository;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.OAuthClient;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The ClientRepository on a relational database through JDBI. */
public final class JdbiClientRepository implements ClientRepository {
  private final ClientDao dao;
  private final ClientRowMapper mapper = ClientRowMapper.INSTANCE;

  public JdbiClientRepository(Jdbi jdbi) {
    this.dao = jdbi.onDemand(ClientDao.class);
  }

  @Override
  public void add(OAuthClient client) {
    dao.insert(mapper.toRow(client));
  }

  @Override
  public Optional<OAuthClient> findById(ClientId id) {
    return dao.findById(id.value()).map(mapper::toDomain);
  }

  @Override
  public void markUsed(ClientId id, Instant at) {
    dao.markUsed(id.value(), at);
  }

  @Override
  public int deleteNeverUsedRegisteredBefore(Instant cutoff) {
    return dao.deleteNeverUsedRegisteredBefore(cutoff);
  }
}
