package ai.cinatra.adapters.persistence.oauth;

import ai.cinatra.application.port.out.SigningKeyRepository;
import ai.cinatra.application.port.out.StoredSigningKey;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The SigningKeyRepository on a relational database through JDBI, shared by every node. */
public final class JdbiSigningKeyRepository implements SigningKeyRepository {
  private final SigningKeyDao dao;
  private final SigningKeyRowMapper mapper = SigningKeyRowMapper.INSTANCE;

  public JdbiSigningKeyRepository(Jdbi jdbi) {
    this.dao = jdbi.onDemand(SigningKeyDao.class);
  }

  @Override
  public void add(StoredSigningKey key) {
    dao.insert(mapper.toRow(key));
  }

  @Override
  public List<StoredSigningKey> list() {
    return dao.list().stream().map(mapper::toStored).toList();
  }

  @Override
  public void retireAllExcept(String keepKeyId, Instant at) {
    dao.retireAllExcept(keepKeyId, at);
  }
}
