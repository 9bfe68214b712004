package ai.cinatra.domain.audit;

import ai.cinatra.domain.account.AccountId;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.oauth.ClientId;
import java.time.Instant;

/**
 * What an actor changed or tried to: who (account, client), which action on which target, when, and
 * how it ended ("ok", "refused", "not_found", "conflict", "invalid").
 */
public record AuditEntry(
    long id,
    AccountId account,
    ClientId client,
    String action,
    String target,
    String outcome,
    Instant at) {
  public AuditEntry {
    if (account == null || client == null || action == null || target == null) {
      throw new InvalidValueException("an audit entry names the actor, the action and the target");
    }
    if (outcome == null || at == null) {
      throw new InvalidValueException("an audit entry says how it ended and when");
    }
  }
}
