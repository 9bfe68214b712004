package ai.cinatra.application.port.out;

import java.util.Optional;

/**
 * Seals a text so that only this deployment can read it and any change is detected (AEAD), for a
 * purpose bound into the seal: what is sealed for one purpose does not open for another.
 */
public interface Sealer {
  String seal(String purpose, String plain);

  /** The plain text, or empty when the seal is not ours, not for this purpose, or was altered. */
  Optional<String> open(String purpose, String sealed);
}
