package ai.cinatra.application.port.out;

import java.time.Instant;
import java.util.Optional;

/** Server-wide settings an operator changes while the server runs, shared by every node. */
public interface SettingsRepository {
  Optional<String> find(String name);

  /** Sets or replaces the value. */
  void put(String name, String value, Instant at);

  /**
   * Sets the value only when the name is not set yet; false when it was. Safe against a concurrent
   * first write on another node (the name is the primary key).
   */
  boolean putIfAbsent(String name, String value, Instant at);
}
