package ai.cinatra.domain.connector;

import ai.cinatra.domain.error.InvalidValueException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of a connector, offered as the tool {@code <connector>_<name>}: an HTTP method, a
 * path template below the connector's URL whose {@code {placeholders}} are required arguments, and
 * the arguments' JSON schema. {@code adminOnly} operations are for admins; the rest for members. A
 * disabled operation ({@code "enabled": false}) is kept but offered to no one.
 */
public record ConnectorOperation(
    String name,
    Method method,
    String pathTemplate,
    Map<String, Object> inputSchema,
    String description,
    boolean adminOnly,
    boolean enabled) {

  /** The methods an operation may use. */
  public enum Method {
    GET,
    POST,
    PUT,
    PATCH,
    DELETE;

    /** Whether the arguments left over after the path go in a JSON body (else the query). */
    public boolean hasBody() {
      return this == POST || this == PUT || this == PATCH;
    }
  }

  /** A request an operation resolved to: where to send it, and the JSON body if any. */
  public record HttpCall(Method method, URI uri, Optional<Map<String, Object>> body) {}

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,30}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]{0,62})}");
  // Literal path characters: RFC 3986 pchar without '%' (no pre-encoded escapes to smuggle a '/').
  private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@/-]*");
  private static final int MAX_TEMPLATE = 500;

  public ConnectorOperation {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidValueException(
          "an operation name is 1 to 31 lower-case letters, digits or '_', starting with a letter");
    }
    if (method == null || pathTemplate == null || inputSchema == null || description == null) {
      throw new InvalidValueException("operation " + name + " has a method, a path and a schema");
    }
    if (pathTemplate.length() > MAX_TEMPLATE
        || !(pathTemplate.isEmpty() || pathTemplate.startsWith("/"))
        || pathTemplate.contains("//")
        || pathTemplate.contains("/../")
        || pathTemplate.contains("/./")
        || pathTemplate.endsWith("/..")
        || pathTemplate.endsWith("/.")
        || !LITERAL.matcher(PLACEHOLDER.matcher(pathTemplate).replaceAll("")).matches()) {
      throw new InvalidValueException(
          "operation "
              + name
              + ": the path is empty or starts with '/', has no '..', query or fragment, and its"
              + " placeholders are {name}");
    }
    if (!"object".equals(inputSchema.get("type"))) {
      throw new InvalidValueException(
          "operation " + name + ": inputSchema is a JSON schema of type object");
    }
    if (description.length() > 1000) {
      throw new InvalidValueException("operation " + name + ": description is at most 1000 chars");
    }
    Object required = inputSchema.getOrDefault("required", List.of());
    for (String placeholder : placeholders(pathTemplate)) {
      if (!(required instanceof List<?> names) || !names.contains(placeholder)) {
        throw new InvalidValueException(
            "operation "
                + name
                + ": the path placeholder {"
                + placeholder
                + "} must be listed in inputSchema.required");
      }
    }
    inputSchema = Collections.unmodifiableMap(new LinkedHashMap<>(inputSchema));
  }

  /** The webhook's single operation: the arguments posted as JSON to the URL itself. */
  public static ConnectorOperation webhookPost() {
    return new ConnectorOperation(
        "post",
        Method.POST,
        "",
        Map.of("type", "object", "maxProperties", 100),
        "Posts the arguments as JSON to the webhook",
        false,
        true);
  }

  private static Set<String> placeholders(String template) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /**
   * Resolves the call below {@code base}: placeholders filled with their argument percent-encoded
   * as one path segment, the other arguments as the query (GET, DELETE) or the JSON body. The
   * result always has the base's scheme, host and port.
   */
  public HttpCall resolve(URI base, Map<String, Object> arguments) {
    Map<String, Object> rest = new LinkedHashMap<>(arguments);
    StringBuilder path = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(pathTemplate);
    int last = 0;
    while (m.find()) {
      path.append(pathTemplate, last, m.start());
      path.append(segment(m.group(1), rest.remove(m.group(1))));
      last = m.end();
    }
    path.append(pathTemplate.substring(last));
    String basePath = base.getRawPath() == null ? "" : base.getRawPath();
    if (basePath.endsWith("/") && path.length() > 0) {
      basePath = basePath.substring(0, basePath.length() - 1);
    }
    StringBuilder uri = new StringBuilder();
    uri.append(base.getScheme()).append("://").append(base.getRawAuthority());
    uri.append(basePath).append(path);
    Optional<Map<String, Object>> body = Optional.empty();
    String query = base.getRawQuery();
    if (method.hasBody()) {
      body = Optional.of(Collections.unmodifiableMap(rest));
    } else if (!rest.isEmpty()) {
      String extra = query(rest);
      query = query == null ? extra : query + "&" + extra;
    }
    if (query != null) {
      uri.append('?').append(query);
    }
    URI resolved = URI.create(uri.toString());
    if (!sameOrigin(base, resolved)) {
      throw new InvalidValueException("operation " + name + " would leave the connector's host");
    }
    return new HttpCall(method, resolved, body);
  }

  private String segment(String placeholder, Object value) {
    if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
      throw new InvalidValueException(
          "operation " + name + ": {" + placeholder + "} needs a string or number argument");
    }
    String text = String.valueOf(value);
    if (text.isEmpty() || text.equals(".") || text.equals("..")) {
      throw new InvalidValueException(
          "operation " + name + ": {" + placeholder + "} may not be empty, '.' or '..'");
    }
    // Encoding alone would keep such a value in one segment, but a server that decodes before
    // routing (many do) would still see a path: such values are refused, never passed on.
    String lower = text.toLowerCase(Locale.ROOT);
    if (text.contains("/")
        || text.contains("\\")
        || text.contains("..")
        || lower.contains("%2f")
        || lower.contains("%5c")
        || lower.contains("%2e")) {
      throw new InvalidValueException(
          "operation "
              + name
              + ": {"
              + placeholder
              + "} may not contain '/', '\\', '..' or their percent-encoded forms");
    }
    return encode(text);
  }

  private String query(Map<String, Object> arguments) {
    List<String> pairs = new ArrayList<>();
    for (Map.Entry<String, Object> e : arguments.entrySet()) {
      List<?> values = e.getValue() instanceof List<?> list ? list : List.of(e.getValue());
      for (Object v : values) {
        if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
          throw new InvalidValueException(
              "operation "
                  + name
                  + " sends "
                  + e.getKey()
                  + " in the query: it must be a string, number, boolean or a list of them");
        }
        pairs.add(encode(e.getKey()) + "=" + encode(String.valueOf(v)));
      }
    }
    return String.join("&", pairs);
  }

  /** Percent-encodes everything but RFC 3986's unreserved characters. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && a.getPort() == b.getPort();
  }

  /** The operation as a document: what {@link #parse} reads and the store keeps. */
  public Map<String, Object> toDocument() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", name);
    doc.put("method", method.name());
    doc.put("path", pathTemplate);
    doc.put("description", description);
    doc.put("inputSchema", inputSchema);
    if (adminOnly) {
      doc.put("role", "admin");
    }
    if (!enabled) {
      doc.put("enabled", false);
    }
    return doc;
  }

  /** Reads an operation document, saying exactly what is wrong when it is wrong. */
  @SuppressWarnings("unchecked")
  public static ConnectorOperation parse(Object raw) {
    if (!(raw instanceof Map<?, ?> doc)) {
      throw new InvalidValueException("each operation is a JSON object");
    }
    String name = doc.get("name") instanceof String s ? s : null;
    Method method;
    try {
      method = Method.valueOf(String.valueOf(doc.get("method")).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException(
          "operation " + name + ": method is one of GET, POST, PUT, PATCH, DELETE");
    }
    Object role = doc.get("role");
    if (role != null && !"member".equals(role) && !"admin".equals(role)) {
      throw new InvalidValueException("operation " + name + ": role is member or admin");
    }
    Object enabled = doc.get("enabled");
    if (enabled != null && !(enabled instanceof Boolean)) {
      throw new InvalidValueException("operation " + name + ": enabled is true or false");
    }
    Object schema = doc.get("inputSchema");
    if (schema == null) {
      schema = Map.of("type", "object");
    }
    if (!(schema instanceof Map<?, ?>)) {
      throw new InvalidValueException("operation " + name + ": inputSchema is a JSON object");
    }
    return new ConnectorOperation(
        name,
        method,
        doc.get("path") instanceof String p ? p : "",
        (Map<String, Object>) schema,
        doc.get("description") instanceof String d ? d : "",
        "admin".equals(role),
        !Boolean.FALSE.equals(enabled));
  }
}
