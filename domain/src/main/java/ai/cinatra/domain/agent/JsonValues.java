package ai.cinatra.domain.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsed JSON values (maps, lists, strings, numbers, booleans) copied into unmodifiable ones with
 * string keys, so a definition holds typed values without unchecked casts.
 */
public final class JsonValues {
  private JsonValues() {}

  /** An object with its keys as strings and its values copied. */
  public static Map<String, Object> object(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
    return Collections.unmodifiableMap(copy);
  }

  /** Any JSON value, copied; maps and lists become unmodifiable. Nulls inside stay null. */
  public static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      return object(map);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(copy(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
