package ai.cinatra.application.port.out;

import java.time.Instant;

/** Makes new signing keys, with their private half already encrypted for storage. */
public interface SigningKeyFactory {
  StoredSigningKey generate(Instant now);
}
