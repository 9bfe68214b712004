package ai.cinatra.application.port.out;

import ai.cinatra.domain.audit.AuditEntry;
import java.util.List;

/** Keeps the audit trail: appended to, never changed. */
public interface AuditRepository {
  void append(AuditEntry entry);

  /** Entries newest first, with ids below {@code beforeId} (Long.MAX_VALUE for the newest). */
  List<AuditEntry> page(long beforeId, int limit);
}
