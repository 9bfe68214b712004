package ai.cinatra.application.fakes;

import ai.cinatra.application.port.out.SettingsRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Settings in a map, counting reads, for service tests. */
public final class InMemorySettings implements SettingsRepository {
  public final Map<String, String> values = new LinkedHashMap<>();
  public int reads;

  @Override
  public synchronized Optional<String> find(String name) {
    reads++;
    return Optional.ofNullable(values.get(name));
  }

  @Override
  public synchronized void put(String name, String value, Instant at) {
    values.put(name, value);
  }

  @Override
  public synchronized boolean putIfAbsent(String name, String value, Instant at) {
    return values.putIfAbsent(name, value) == null;
  }
}
