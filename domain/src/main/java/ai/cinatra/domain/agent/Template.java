package ai.cinatra.domain.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{path.to.value}}} placeholders in step settings from a context (inputs, earlier
 * steps' outputs). A string that is exactly one placeholder becomes the value itself (a number
 * stays a number); otherwise values are written into the text; a missing value is empty.
 */
public final class Template {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

  private Template() {}

  /** Renders strings anywhere inside maps and lists; other values pass through. */
  public static Object render(Object value, Map<String, Object> context) {
    if (value instanceof String text) {
      return renderText(text, context);
    }
    if (value instanceof Map<?, ?> map) {
      return renderObject(map, context);
    }
    if (value instanceof List<?> list) {
      List<Object> rendered = new ArrayList<>();
      list.forEach(v -> rendered.add(render(v, context)));
      return rendered;
    }
    return value;
  }

  /** Renders every value of an object; its keys stay as they are. */
  public static Map<String, Object> renderObject(Map<?, ?> object, Map<String, Object> context) {
    Map<String, Object> rendered = new LinkedHashMap<>();
    object.forEach((k, v) -> rendered.put(String.valueOf(k), render(v, context)));
    return rendered;
  }

  /** Renders a text template to text; a single placeholder with no value becomes empty. */
  public static String text(String template, Map<String, Object> context) {
    Object rendered = renderText(template, context);
    return rendered == null ? "" : rendered.toString();
  }

  private static Object renderText(String text, Map<String, Object> context) {
    Matcher whole = PLACEHOLDER.matcher(text);
    if (whole.matches()) {
      return lookup(whole.group(1), context);
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object found = lookup(m.group(1), context);
      m.appendReplacement(out, Matcher.quoteReplacement(found == null ? "" : found.toString()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Object lookup(String path, Map<String, Object> context) {
    Object current = context;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(part);
    }
    return current;
  }
}
