package ai.cinatra.adapters.persistence.account;

import java.time.Instant;
import java.util.UUID;

/** One row of the accounts table, as JDBI reads and writes it. */
public record AccountRow(
    UUID id, String email, String role, String status, String passwordHash, Instant createdAt) {}
