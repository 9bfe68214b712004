package ai.cinatra.application.service;

import ai.cinatra.application.port.in.oauth.RotateSigningKeyUseCase;
import ai.cinatra.application.port.out.SigningKeyFactory;
import ai.cinatra.application.port.out.SigningKeyRepository;
import ai.cinatra.application.port.out.StoredSigningKey;
import java.time.Clock;

/** Makes sure a signing key exists, and rotates keys on request. */
public final class SigningKeyService implements RotateSigningKeyUseCase {
  private final SigningKeyRepository keys;
  private final SigningKeyFactory factory;
  private final Clock clock;

  public SigningKeyService(SigningKeyRepository keys, SigningKeyFactory factory, Clock clock) {
    this.keys = keys;
    this.factory = factory;
    this.clock = clock;
  }

  /** On first start there is no key: make one. Every later start finds it. */
  public void ensureActiveKey() {
    if (keys.list().stream().noneMatch(StoredSigningKey::isActive)) {
      rotateSigningKey();
    }
  }

  @Override
  public String rotateSigningKey() {
    StoredSigningKey key = factory.generate(clock.instant());
    keys.add(key);
    keys.retireAllExcept(key.keyId(), clock.instant());
    return key.keyId();
  }
}
