package ai.cinatra.adapters.oauth;

import ai.cinatra.application.port.out.SigningKeyRepository;
import ai.cinatra.application.port.out.StoredSigningKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Signing keys in a list: the shared store two "nodes" see in these tests. */
final class MapSigningKeyRepository implements SigningKeyRepository {
  private final List<StoredSigningKey> keys = new ArrayList<>();

  @Override
  public synchronized void add(StoredSigningKey key) {
    keys.add(key);
  }

  @Override
  public synchronized List<StoredSigningKey> list() {
    return keys.stream()
        .sorted(Comparator.comparing(StoredSigningKey::createdAt).reversed())
        .toList();
  }

  @Override
  public synchronized void retireAllExcept(String keepKeyId, Instant at) {
    keys.replaceAll(
        k ->
            k.isActive() && !k.keyId().equals(keepKeyId)
                ? new StoredSigningKey(
                    k.keyId(),
                    k.algorithm(),
                    k.publicKey(),
                    k.encryptedPrivateKey(),
                    k.createdAt(),
                    Optional.of(at))
                : k);
  }
}
