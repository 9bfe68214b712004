package ai.cinatra.application.service;

import ai.cinatra.application.port.in.oauth.JwksQuery;
import ai.cinatra.application.port.in.oauth.RotateSigningKeyUseCase;
import ai.cinatra.application.port.out.AccessTokens;
import ai.cinatra.application.port.out.SigningKeyFactory;
import ai.cinatra.application.port.out.SigningKeyRepository;
import ai.cinatra.application.port.out.StoredSigningKey;
import java.time.Clock;

/** Makes sure a signing key exists, rotates keys on request, and publishes the public ones. */
public final class SigningKeyService implements RotateSigningKeyUseCase, JwksQuery {
  private final SigningKeyRepository keys;
  private final SigningKeyFactory factory;
  private final AccessTokens tokens;
  private final Clock clock;

  public SigningKeyService(
      SigningKeyRepository keys, SigningKeyFactory factory, AccessTokens tokens, Clock clock) {
    this.keys = keys;
    this.factory = factory;
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public String jwks() {
    return tokens.publicJwks();
  }

  /** On first start there is no key: make one. Every later start finds it. */
  public void ensureActiveKey() {
    if (keys.list().stream().noneMatch(StoredSigningKey::isActive)) {
      rotateSigningKey();
    }
  }

  /**
   * Also refuses (through the token adapter) when the configured key-encryption key cannot open the
   * key in service, so keys sealed under two different key-encryption keys never mix.
   */
  @Override
  public String rotateSigningKey() {
    if (keys.list().stream().anyMatch(StoredSigningKey::isActive)) {
      tokens.publicJwks();
    }
    StoredSigningKey key = factory.generate(clock.instant());
    keys.add(key);
    keys.retireAllExcept(key.keyId(), clock.instant());
    return key.keyId();
  }
}
