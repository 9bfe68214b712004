package ai.cinatra.application.port.out;

import java.util.List;
import java.util.Map;

/**
 * Checks a value against a JSON Schema (2020-12) that arrives at run time, such as an approval's.
 */
public interface JsonSchemaCheck {

  /** What is wrong with {@code value}, a few messages at most; empty when it fits. */
  List<String> problems(Map<String, Object> schema, Map<String, Object> value);
}
