package ai.cinatra.adapters.http.mcp.tool;

import ai.cinatra.adapters.http.mcp.jsonrpc.JsonRpc;
import ai.cinatra.adapters.http.mcp.jsonrpc.McpProtocolException;
import ai.cinatra.application.error.ApplicationException;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.paging.PageCursor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tools an MCP client can see and call: role-filtered listing with cursor pagination, and calls
 * whose arguments are validated against the tool's input schema (JSON Schema 2020-12) before the
 * tool runs. Every tool, the product's catalog and test fixtures alike, is registered here.
 */
public final class McpToolCatalog {
  private static final Logger LOG = LoggerFactory.getLogger(McpToolCatalog.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String CURSOR_KIND = "after";

  /** Schema errors reported back to the model; more would only be noise. */
  private static final int MAX_REPORTED_ERRORS = 5;

  private final SchemaRegistry schemas =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final Map<String, Registered> tools = new LinkedHashMap<>();
  private final List<Supplier<List<McpTool>>> sources = new CopyOnWriteArrayList<>();
  // Compiled input schemas of tools that come and go, by schema text: compiled once, not per call.
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
  private final int pageSize;

  /** Compiled schemas kept at most; past that the cache starts over. */
  private static final int MAX_COMPILED = 2_000;

  private record Registered(McpTool tool, ObjectNode descriptor, Schema input) {}

  public McpToolCatalog(int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("a page holds at least one tool");
    }
    this.pageSize = pageSize;
  }

  /** Adds a tool; its name must be new and its schemas objects. */
  public McpToolCatalog register(McpTool tool) {
    ObjectNode descriptor = tool.descriptor();
    String name = descriptor.path("name").asText("");
    if (!name.matches("[A-Za-z0-9_.-]{1,128}") || tools.containsKey(name)) {
      throw new IllegalArgumentException("tool name missing, malformed or taken: '" + name + "'");
    }
    if (!descriptor.path("inputSchema").isObject() || !descriptor.hasNonNull("description")) {
      throw new IllegalArgumentException("tool " + name + " needs a description and inputSchema");
    }
    tools.put(name, registered(tool));
    return this;
  }

  /**
   * Adds tools read afresh on every listing and on calls to names not registered, such as one tool
   * per installed agent: what is installed while the server runs is callable at once. A source's
   * tool never shadows a registered one.
   */
  public McpToolCatalog registerSource(Supplier<List<McpTool>> source) {
    sources.add(source);
    return this;
  }

  private Registered registered(McpTool tool) {
    ObjectNode descriptor = tool.descriptor();
    String inputSchema = descriptor.get("inputSchema").toString();
    if (compiled.size() > MAX_COMPILED) {
      compiled.clear();
    }
    return new Registered(
        tool,
        descriptor,
        compiled.computeIfAbsent(
            inputSchema, text -> schemas.getSchema(descriptor.get("inputSchema"))));
  }

  /** The registered tools, then the sources' tools whose names are free and well-formed. */
  private Map<String, Registered> all() {
    if (sources.isEmpty()) {
      return tools;
    }
    Map<String, Registered> all = new LinkedHashMap<>(tools);
    for (Supplier<List<McpTool>> source : sources) {
      for (McpTool tool : source.get()) {
        String name = tool.name();
        if (all.containsKey(name) || !name.matches("[A-Za-z0-9_.-]{1,128}")) {
          LOG.warn("tool {} is left out: its name is taken or malformed", name);
          continue;
        }
        all.put(name, registered(tool));
      }
    }
    return all;
  }

  private Registered find(String name) {
    Registered registered = tools.get(name);
    return registered != null || sources.isEmpty() ? registered : all().get(name);
  }

  /** One page of the tools this actor may call, in registration order. */
  public ObjectNode list(Actor actor, Optional<String> cursor) {
    List<Registered> visible =
        all().values().stream()
            .filter(r -> actor.role().includes(r.tool().requiredRole()))
            .toList();
    int start = cursor.map(c -> startAfter(c, visible)).orElse(0);
    ObjectNode result = NODES.objectNode();
    var page = result.putArray("tools");
    int end = Math.min(start + pageSize, visible.size());
    for (Registered r : visible.subList(start, end)) {
      page.add(r.descriptor().deepCopy());
    }
    if (end < visible.size()) {
      result.put("nextCursor", encode(visible.get(end - 1).tool().name()));
    }
    return result;
  }

  /** Whether calling this tool may talk to the client while it runs. */
  public boolean isInteractive(String name, JsonNode arguments, Predicate<String> clientCan) {
    Registered registered = tools.get(name);
    return registered != null && registered.tool().talksOn(arguments, clientCan);
  }

  /**
   * Whether a call of this tool may run as a task (its descriptor's execution.taskSupport is
   * optional or required): the call starts work whose outcome comes later, such as an agent run.
   */
  public boolean runsAsTask(String name) {
    Registered registered = find(name);
    String support =
        registered == null
            ? ""
            : registered.descriptor().path("execution").path("taskSupport").asText("");
    return support.equals("optional") || support.equals("required");
  }

  /**
   * Calls a tool. An unknown name is a protocol error; a tool the actor may not call, arguments
   * that fail the schema, and the tool's own failures are isError results.
   */
  public ObjectNode call(String name, Actor actor, JsonNode arguments, McpToolContext context) {
    Registered registered = find(name);
    if (registered == null) {
      throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "unknown tool: " + name);
    }
    if (!registered.tool().useCaseDecidesAccess()
        && !actor.role().includes(registered.tool().requiredRole())) {
      return ToolResults.error(
          "your role ("
              + actor.role().wireName()
              + ") may not call "
              + name
              + "; it needs "
              + registered.tool().requiredRole().wireName());
    }
    // The spec's clients may leave arguments out when a tool takes none.
    JsonNode given = arguments == null || arguments.isNull() ? NODES.objectNode() : arguments;
    List<Error> errors = registered.input().validate(given);
    if (!errors.isEmpty()) {
      return ToolResults.error(
          "invalid arguments for "
              + name
              + ": "
              + errors.stream()
                  .limit(MAX_REPORTED_ERRORS)
                  .map(Error::getMessage)
                  .collect(Collectors.joining("; ")));
    }
    try {
      return registered.tool().call(new ToolCall(actor, (ObjectNode) given, context));
    } catch (InputRequired | MissingClientCapability e) {
      throw e; // not the tool's failure: the protocol answers for the revision in use
    } catch (ApplicationException | InvalidValueException | ClientRequestFailedException e) {
      return ToolResults.error(e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("tool {} failed", name, e);
      return ToolResults.error(name + " failed unexpectedly; the server logged the cause");
    }
  }

  private static int startAfter(String cursor, List<Registered> visible) {
    List<String> parts;
    try {
      parts = PageCursor.decode(cursor, 2);
    } catch (InvalidValueException e) {
      throw invalidCursor();
    }
    if (!parts.get(0).equals(CURSOR_KIND)) {
      throw invalidCursor();
    }
    String after = parts.get(1);
    for (int i = 0; i < visible.size(); i++) {
      if (visible.get(i).tool().name().equals(after)) {
        return i + 1;
      }
    }
    throw invalidCursor();
  }

  private static String encode(String lastName) {
    return PageCursor.encode(CURSOR_KIND, lastName);
  }

  private static McpProtocolException invalidCursor() {
    return new McpProtocolException(JsonRpc.INVALID_PARAMS, "invalid cursor");
  }
}
