package ai.cinatra.application.port.out;

/** Seals secrets for storage and opens them for use; the sealed form reveals nothing. */
public interface SecretBox {
  String seal(String secret);

  String open(String sealed);
}
