package ai.cinatra.application.port.out;

import java.time.Instant;
import java.util.List;

/** Stores token signing keys, shared by every node. */
public interface SigningKeyRepository {

  void add(StoredSigningKey key);

  /** Every key, newest first. */
  List<StoredSigningKey> list();

  /** Marks every active key except {@code keepKeyId} as retired at {@code at}. */
  void retireAllExcept(String keepKeyId, Instant at);
}
