package ai.cinatra.application.port.in.audit;

import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.audit.AuditEntry;
import java.util.List;
import java.util.Optional;

/** The audit trail, newest first, for admins. */
public interface AuditQuery {
  /** At most {@code limit} entries older than {@code beforeId} (the newest when empty). */
  List<AuditEntry> audit(Actor actor, Optional<Long> beforeId, int limit);
}
