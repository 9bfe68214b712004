package ai.cinatra.adapters.persistence.oauth;

import java.time.Instant;

/** One row of the signing_keys table. */
public record SigningKeyRow(
    String keyId,
    String algorithm,
    String publicKey,
    String encryptedPrivateKey,
    Instant createdAt,
    Instant retiredAt) {}
