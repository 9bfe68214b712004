package ai.cinatra.adapters.persistence.oauth;

import ai.cinatra.adapters.persistence.JdbiTransactions;
import ai.cinatra.adapters.persistence.SqlErrors;
import ai.cinatra.application.port.out.ConsentRepository;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.oauth.ClientId;
import ai.cinatra.domain.oauth.Scopes;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The ConsentRepository through JDBI, with an upsert that H2 and PostgreSQL both run. */
public final class JdbiConsentRepository implements ConsentRepository {
  private final Jdbi jdbi;
  private final GrantStoreRowMapper mapper = GrantStoreRowMapper.INSTANCE;

  public JdbiConsentRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  private GrantStoreDao dao() {
    return JdbiTransactions.dao(jdbi, GrantStoreDao.class);
  }

  @Override
  public void remember(AccountId account, ClientId client, Set<String> scopes, Instant at) {
    String text = Scopes.format(scopes);
    if (dao().updateConsent(account.value(), client.value(), text, at) == 1) {
      return;
    }
    try {
      dao().insertConsent(account.value(), client.value(), text, at);
    } catch (UnableToExecuteStatementException e) {
      if (!SqlErrors.isUniqueViolation(e)) {
        throw e;
      }
      // Another request inserted it first: the consent is recorded either way.
    }
  }

  @Override
  public Optional<Set<String>> find(AccountId account, ClientId client) {
    return dao().findConsent(account.value(), client.value()).map(mapper::scopes);
  }

  @Override
  public int forgetAllOfClient(ClientId client) {
    return dao().deleteConsentsOfClient(client.value());
  }
}
