package ai.cinatra.application.fakes;

import ai.cinatra.application.port.out.AuthorizationCodeRepository;
import ai.cinatra.domain.oauth.AuthorizationCode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Authorization codes by hash; consuming one succeeds once, as the database's update does. */
public final class InMemoryAuthorizationCodes implements AuthorizationCodeRepository {
  private final Map<String, AuthorizationCode> codes = new HashMap<>();
  private final Map<String, Instant> consumed = new HashMap<>();

  @Override
  public synchronized void add(AuthorizationCode code) {
    codes.put(code.codeHash(), code);
  }

  @Override
  public synchronized Optional<AuthorizationCode> findByHash(String codeHash) {
    return Optional.ofNullable(codes.get(codeHash));
  }

  @Override
  public synchronized boolean consume(String codeHash, Instant at) {
    return codes.containsKey(codeHash) && consumed.putIfAbsent(codeHash, at) == null;
  }

  /** The hashes of every code stored. */
  public synchronized Set<String> hashes() {
    return Set.copyOf(codes.keySet());
  }
}
