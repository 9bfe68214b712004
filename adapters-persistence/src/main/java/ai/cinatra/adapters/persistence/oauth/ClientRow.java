package ai.cinatra.adapters.persistence.oauth;

import java.time.Instant;

/** One row of the oauth_clients table. */
public record ClientRow(
    String id,
    String name,
    String redirectUris,
    String authMethod,
    String secretHash,
    Instant createdAt,
    Instant lastUsedAt,
    Instant metadataValidUntil) {}
