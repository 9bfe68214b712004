package ai.cinatra.application.port.in.oauth;

/** Puts a new signing key in service; the previous ones keep verifying the tokens they signed. */
public interface RotateSigningKeyUseCase {
  /** Returns the new key's id. */
  String rotateSigningKey();
}
