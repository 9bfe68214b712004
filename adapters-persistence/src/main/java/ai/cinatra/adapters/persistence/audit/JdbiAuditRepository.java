package ai.cinatra.adapters.persistence.audit;

import ai.cinatra.adapters.persistence.JdbiTransactions;
import ai.cinatra.adapters.persistence.audit.AuditDao.AuditRow;
import ai.cinatra.application.port.out.AuditRepository;
import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.audit.AuditEntry;
import ai.cinatra.domain.oauth.ClientId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The AuditRepository through JDBI: insert and read, never update. */
public final class JdbiAuditRepository implements AuditRepository {
  /** Longest target kept; longer ones (a list name a model made up) are cut, not refused. */
  static final int MAX_TARGET = 300;

  private final Jdbi jdbi;

  public JdbiAuditRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void append(AuditEntry e) {
    String target =
        e.target().length() > MAX_TARGET ? e.target().substring(0, MAX_TARGET) : e.target();
    dao()
        .insert(
            new AuditRow(
                0,
                e.account().value(),
                e.client().value(),
                e.action(),
                target,
                e.outcome(),
                e.at()));
  }

  @Override
  public List<AuditEntry> page(long beforeId, int limit) {
    return dao().page(beforeId, limit).stream()
        .map(
            r ->
                new AuditEntry(
                    r.id(),
                    new AccountId(r.accountId()),
                    new ClientId(r.clientId()),
                    r.action(),
                    r.target(),
                    r.outcome(),
                    r.at()))
        .toList();
  }

  /** Joins the caller's transaction when there is one. */
  private AuditDao dao() {
    return JdbiTransactions.dao(jdbi, AuditDao.class);
  }
}
