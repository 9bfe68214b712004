package ai.cinatra.adapters.http.mcp;

import ai.cinatra.adapters.http.mcp.jsonrpc.JsonRpc;
import ai.cinatra.adapters.http.mcp.jsonrpc.McpProtocolException;
import ai.cinatra.adapters.http.mcp.tool.InputRequired;
import ai.cinatra.adapters.http.mcp.tool.McpToolCatalog;
import ai.cinatra.adapters.http.mcp.tool.McpToolContext;
import ai.cinatra.adapters.http.mcp.tool.MissingClientCapability;
import ai.cinatra.adapters.http.mcp.tool.run.RunTasks;
import ai.cinatra.application.port.in.mcp.RequestStatesUseCase;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.mcp.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

/**
 * MCP 2026-07-28, the stateless revision, on the same endpoint as the session-based ones: no
 * initialize and no session; every request carries its protocol version and the client's
 * capabilities in {@code _meta}, and its method (and tool name) in the Mcp-Method and Mcp-Name
 * headers too, which must agree with the body. The same token, account and role checks and the same
 * tools as the earlier revisions, since both reach the same catalog.
 */
final class StatelessProtocol {
  static final String REVISION = "2026-07-28";
  static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
  static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
  static final String META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";
  static final String META_LOG_LEVEL = "io.modelcontextprotocol/logLevel";

  /** What this server speaks, newest first: the stateless revision and the session-based ones. */
  static final List<String> SUPPORTED = List.of(REVISION, "2025-11-25", "2025-06-18", "2025-03-26");

  /** Methods of the session-based revisions that 2026-07-28 removed: 404, as an unknown one. */
  private static final Set<String> REMOVED =
      Set.of(
          "initialize", "ping", "logging/setLevel", "resources/subscribe", "resources/unsubscribe");

  /** Results a client may cache (SEP-2549), and for how long we suggest. */
  private static final Set<String> CACHEABLE =
      Set.of(
          "server/discover",
          "tools/list",
          "prompts/list",
          "resources/list",
          "resources/templates/list",
          "resources/read");

  /**
   * A minute: a role change takes effect on the next call whatever a client cached, so a stale list
   * only shows a tool that call then refuses.
   */
  static final long LIST_TTL_MS = 60_000;

  /** Requests whose Mcp-Name header must name what the body names. */
  private static final Set<String> NAMED = Set.of("tools/call", "resources/read", "prompts/get");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String BASE64_PREFIX = "=?base64?";
  private static final String BASE64_SUFFIX = "?=";

  /** Requests that may end with an input_required result (MRTR); no other may. */
  private static final Set<String> MAY_ASK = Set.of("tools/call", "prompts/get", "resources/read");

  private final String version;
  private final McpToolCatalog tools;
  private final List<McpExtension> extensions;
  private final RequestStatesUseCase states;
  private final ObjectMapper json;
  private final StreamHub hub;
  private final McpLimits limits;
  private final RunTasks runTasks;

  /** The tasks extension's methods (tasks/list and tasks/result are gone from it). */
  private static final Set<String> TASK_METHODS =
      Set.of("tasks/get", "tasks/update", "tasks/cancel");

  StatelessProtocol(
      String version,
      McpToolCatalog tools,
      List<McpExtension> extensions,
      RequestStatesUseCase states,
      ObjectMapper json,
      StreamHub hub,
      McpLimits limits,
      RunTasks runTasks) {
    this.version = version;
    this.runTasks = runTasks;
    this.tools = tools;
    this.extensions = List.copyOf(extensions);
    this.states = states;
    this.json = json;
    this.hub = hub;
    this.limits = limits;
  }

  /** Whether a request's MCP-Protocol-Version header puts it under these rules. */
  static boolean speaks(String protocolVersionHeader) {
    return protocolVersionHeader != null
        && !McpProtocol.PROTOCOL_VERSIONS.contains(protocolVersionHeader);
  }

  /** One POSTed JSON-RPC message, already parsed and known to be a well-formed envelope. */
  McpReply post(JsonNode message, McpHeaders headers, Actor actor) {
    JsonNode id = message.get("id");
    String method = message.path("method").asText(null);
    if (!REVISION.equals(headers.protocolVersion())
        && !REVISION.equals(message.at("/params/_meta").path(META_VERSION).asText(null))) {
      // Neither header nor body names a revision spoken here: say which ones are.
      return unsupported(id, headers.protocolVersion());
    }
    if (headers.sessionId() != null) {
      return error(
          400,
          id,
          JsonRpc.INVALID_REQUEST,
          "a "
              + REVISION
              + " request carries no Mcp-Session-Id: sessions belong to the revisions up to"
              + " 2025-11-25, and a session opened with one of them stays on it");
    }
    if (method == null) {
      return error(400, id, JsonRpc.INVALID_REQUEST, "a client sends no responses in " + REVISION);
    }
    if (id == null) {
      return McpReply.empty(202); // a notification: nothing in this revision needs an answer
    }
    JsonNode params = message.has("params") ? message.get("params") : NODES.objectNode();
    JsonNode meta = params.path("_meta");
    if (!params.isObject() || !meta.isObject()) {
      return error(400, id, JsonRpc.INVALID_PARAMS, "params._meta is required in " + REVISION);
    }
    for (String key : List.of(META_VERSION, META_CAPABILITIES)) {
      if (!meta.has(key)) {
        return error(400, id, JsonRpc.INVALID_PARAMS, "params._meta needs " + key);
      }
    }
    if (!meta.get(META_CAPABILITIES).isObject()) {
      return error(400, id, JsonRpc.INVALID_PARAMS, META_CAPABILITIES + " must be an object");
    }
    String requested = meta.get(META_VERSION).asText("");
    if (!requested.equals(headers.protocolVersion())) {
      return error(
          400,
          id,
          JsonRpc.HEADER_MISMATCH,
          "Header mismatch: MCP-Protocol-Version "
              + headers.protocolVersion()
              + " is not the body's "
              + META_VERSION
              + " "
              + requested);
    }
    if (!REVISION.equals(requested)) {
      return unsupported(id, requested);
    }
    Optional<String> mismatch = headerMismatch(method, params, headers);
    if (mismatch.isPresent()) {
      return error(400, id, JsonRpc.HEADER_MISMATCH, "Header mismatch: " + mismatch.get());
    }
    if (REMOVED.contains(method)) {
      return error(404, id, JsonRpc.METHOD_NOT_FOUND, method + " is not part of " + REVISION);
    }
    JsonNode capabilities = meta.get(META_CAPABILITIES);
    Optional<LogLevel> logLevel;
    try {
      logLevel =
          meta.hasNonNull(META_LOG_LEVEL)
              ? Optional.of(LogLevel.parse(meta.get(META_LOG_LEVEL).asText()))
              : Optional.empty();
    } catch (InvalidValueException e) {
      return error(400, id, JsonRpc.INVALID_PARAMS, META_LOG_LEVEL + ": " + e.getMessage());
    }
    try {
      if (TASK_METHODS.contains(method)) {
        return task(id, method, params, capabilities, actor);
      }
      if (startsTask(method, params, capabilities)) {
        return McpReply.json(200, JsonRpc.result(id, startTask(params, capabilities, actor)));
      }
      if (streams(method, params, capabilities, headers, logLevel)) {
        return stream(id, method, params, capabilities, actor, logLevel);
      }
      if (MAY_ASK.contains(method)) {
        return McpReply.json(
            200,
            JsonRpc.result(id, roundTrip(method, params, capabilities, actor, Optional.empty())));
      }
      ObjectNode result = answer(method, params, plain(capabilities), actor);
      return McpReply.json(200, JsonRpc.result(id, complete(method, result)));
    } catch (MissingClientCapability e) {
      ObjectNode data = NODES.objectNode();
      data.putObject("requiredCapabilities").putObject(e.capability());
      return McpReply.json(
          400, JsonRpc.error(id, JsonRpc.MISSING_CLIENT_CAPABILITY, e.getMessage(), data));
    } catch (McpProtocolException e) {
      int status = e.code() == JsonRpc.METHOD_NOT_FOUND ? 404 : 200;
      return error(status, id, e.code(), e.getMessage());
    }
  }

  /**
   * A request that may ask the client for input: the answers of earlier rounds come back sealed in
   * requestState (verified here: altered, expired or another account's state is refused), this
   * round's in inputResponses; a question still open ends it with an input_required result.
   */
  private ObjectNode roundTrip(
      String method,
      JsonNode params,
      JsonNode capabilities,
      Actor actor,
      Optional<RoundTripContext.Reporting> reporting) {
    String boundTo =
        method + " " + params.path(method.equals("resources/read") ? "uri" : "name").asText();
    ObjectNode answers = NODES.objectNode();
    boolean resumed = false;
    JsonNode state = params.get("requestState");
    if (state != null && !state.isNull()) {
      Optional<String> opened =
          state.isTextual() ? states.open(actor, boundTo, state.asText()) : Optional.empty();
      if (opened.isEmpty()) {
        throw new McpProtocolException(
            JsonRpc.INVALID_PARAMS,
            "requestState failed verification: it was altered, has expired, or belongs to another"
                + " request; start the request again without it");
      }
      answers.setAll(parseAnswers(opened.get()));
      resumed = true;
    }
    JsonNode responses = params.get("inputResponses");
    if (responses != null && !responses.isNull()) {
      if (!responses.isObject()) {
        throw new McpProtocolException(
            JsonRpc.INVALID_PARAMS, "inputResponses must be an object of results by key");
      }
      responses
          .fields()
          .forEachRemaining(
              entry -> {
                if (!entry.getValue().isObject()) {
                  throw new McpProtocolException(
                      JsonRpc.INVALID_PARAMS,
                      "inputResponses." + entry.getKey() + " must be a result object");
                }
                answers.set(entry.getKey(), entry.getValue());
              });
    }
    RoundTripContext context = new RoundTripContext(capabilities, answers, resumed, reporting);
    try {
      return complete(method, answer(method, params, context, actor));
    } catch (InputRequired needed) {
      ObjectNode result = NODES.objectNode();
      result.put("resultType", "input_required");
      result.set("inputRequests", needed.requests());
      result.put("requestState", states.seal(actor, boundTo, context.answers().toString()));
      result.putObject("_meta").set(META_SERVER_INFO, McpProtocol.serverInfo(version));
      return result;
    }
  }

  /** Whether the client's capabilities in this request's _meta name the tasks extension. */
  private static boolean declaresTasks(JsonNode capabilities) {
    return capabilities.path("extensions").has(RunTasks.EXTENSION);
  }

  /**
   * Whether a tools/call is answered with a task: the server decides (the extension), and does for
   * a tool that starts an agent run when the client declared the extension on this request.
   */
  private boolean startsTask(String method, JsonNode params, JsonNode capabilities) {
    return "tools/call".equals(method)
        && declaresTasks(capabilities)
        && params.path("name").isTextual()
        && tools.runsAsTask(params.get("name").asText());
  }

  /**
   * The tool starts the run, and the answer is its task (resultType "task"); a refusal (bad inputs,
   * role) is the tool's isError result, as without a task.
   */
  private ObjectNode startTask(JsonNode params, JsonNode capabilities, Actor actor) {
    JsonNode arguments = params.get("arguments");
    if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
      throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "arguments must be an object");
    }
    ObjectNode started =
        tools.call(params.get("name").asText(), actor, arguments, plain(capabilities));
    if (started.path("isError").asBoolean(false)) {
      return complete("tools/call", started);
    }
    ObjectNode task =
        runTasks.task(runTasks.started(actor, started), RunTasks.Shape.EXTENSION_2026);
    task.remove(List.of("result", "inputRequests")); // a CreateTaskResult is the task alone
    task.put("resultType", "task");
    task.putObject("_meta").set(META_SERVER_INFO, McpProtocol.serverInfo(version));
    return task;
  }

  /** tasks/get, tasks/update and tasks/cancel, for a client that declared the extension. */
  private McpReply task(
      JsonNode id, String method, JsonNode params, JsonNode capabilities, Actor actor) {
    if (!declaresTasks(capabilities)) {
      ObjectNode data = NODES.objectNode();
      data.putObject("requiredCapabilities").putObject("extensions").putObject(RunTasks.EXTENSION);
      return McpReply.json(
          400,
          JsonRpc.error(
              id,
              JsonRpc.MISSING_CLIENT_CAPABILITY,
              "Missing required client capability: "
                  + method
                  + " needs the "
                  + RunTasks.EXTENSION
                  + " extension declared in this request's capabilities",
              data));
    }
    ObjectNode result =
        switch (method) {
          case "tasks/get" ->
              runTasks.task(runTasks.view(actor, params), RunTasks.Shape.EXTENSION_2026);
          case "tasks/update" -> {
            runTasks.update(actor, params);
            yield NODES.objectNode();
          }
          default -> {
            runTasks.cancel(actor, params, false);
            yield NODES.objectNode();
          }
        };
    return McpReply.json(200, JsonRpc.result(id, complete(method, result)));
  }

  /**
   * Whether a tools/call is answered on a stream: a tool that reports while it runs, a client that
   * takes a stream and asked for reports (a progress token, or a log level in _meta).
   */
  private boolean streams(
      String method,
      JsonNode params,
      JsonNode capabilities,
      McpHeaders headers,
      Optional<LogLevel> logLevel) {
    return "tools/call".equals(method)
        && limits.streams()
        && headers.accept() != null
        && headers.accept().contains(McpProtocol.EVENT_STREAM)
        && (params.path("_meta").has("progressToken") || logLevel.isPresent())
        && params.path("name").isTextual()
        && tools.isInteractive(
            params.get("name").asText(), params.get("arguments"), capabilities::has);
  }

  /** A call answered on its own SSE stream: its notifications, then its result; nothing stored. */
  private McpReply stream(
      JsonNode id,
      String method,
      JsonNode params,
      JsonNode capabilities,
      Actor actor,
      Optional<LogLevel> logLevel) {
    LiveStream live = LiveStream.unstored();
    RoundTripContext.Reporting reporting =
        new RoundTripContext.Reporting(params.path("_meta").get("progressToken"), logLevel, live);
    try {
      hub.run(
          live,
          () -> {
            ObjectNode response;
            try {
              response =
                  JsonRpc.result(
                      id, roundTrip(method, params, capabilities, actor, Optional.of(reporting)));
            } catch (MissingClientCapability e) {
              ObjectNode data = NODES.objectNode();
              data.putObject("requiredCapabilities").putObject(e.capability());
              response = JsonRpc.error(id, JsonRpc.MISSING_CLIENT_CAPABILITY, e.getMessage(), data);
            } catch (McpProtocolException e) {
              response = JsonRpc.error(id, e.code(), e.getMessage());
            }
            live.send(response.toString(), true);
          });
    } catch (RejectedExecutionException e) {
      live.detach();
      return McpReply.busy(id);
    }
    return McpReply.stream(live);
  }

  private ObjectNode parseAnswers(String sealed) {
    try {
      JsonNode parsed = json.readTree(sealed);
      return parsed.isObject() ? (ObjectNode) parsed : NODES.objectNode();
    } catch (IOException e) {
      return NODES.objectNode(); // we sealed it, so it is ours; an unreadable one holds nothing
    }
  }

  private ObjectNode answer(String method, JsonNode params, McpToolContext context, Actor actor) {
    switch (method) {
      case "server/discover":
        return discover();
      case "tools/list":
        JsonNode cursor = params.get("cursor");
        if (cursor != null && !cursor.isNull() && !cursor.isTextual()) {
          throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "cursor must be a string");
        }
        return tools.list(
            actor,
            cursor == null || cursor.isNull() ? Optional.empty() : Optional.of(cursor.asText()));
      case "tools/call":
        if (!params.path("name").isTextual()) {
          throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "tools/call needs a tool name");
        }
        JsonNode arguments = params.get("arguments");
        if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
          throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "arguments must be an object");
        }
        return tools.call(params.get("name").asText(), actor, arguments, context);
      default:
        for (McpExtension extension : extensions) {
          Optional<JsonNode> answered = extension.handle(method, params, actor, context);
          if (answered.isPresent() && answered.get().isObject()) {
            return (ObjectNode) answered.get();
          }
        }
        throw new McpProtocolException(JsonRpc.METHOD_NOT_FOUND, "Method not found: " + method);
    }
  }

  /** server/discover: what this server speaks and offers, and who it is. */
  private ObjectNode discover() {
    ObjectNode result = NODES.objectNode();
    ArrayNode supported = result.putArray("supportedVersions");
    SUPPORTED.forEach(supported::add);
    ObjectNode capabilities = result.putObject("capabilities");
    capabilities.putObject("tools");
    extensions.forEach(e -> e.addCapabilities(capabilities));
    capabilities.remove("logging"); // logging/setLevel is gone; the level travels in _meta
    capabilities.putObject("extensions").putObject(RunTasks.EXTENSION);
    // Change notifications come on a subscriptions/listen stream, which this server does not
    // offer yet: it promises none (clients list again, within ttlMs).
    capabilities.forEach(
        capability -> {
          if (capability.isObject()) {
            ((ObjectNode) capability).remove(List.of("listChanged", "subscribe"));
          }
        });
    result.put("instructions", McpProtocol.INSTRUCTIONS);
    return result;
  }

  /** Every result says it is complete, who answered, and, where it may be cached, how long. */
  private ObjectNode complete(String method, ObjectNode result) {
    result.put("resultType", "complete");
    ObjectNode meta =
        result.has("_meta") ? (ObjectNode) result.get("_meta") : result.putObject("_meta");
    meta.set(META_SERVER_INFO, McpProtocol.serverInfo(version));
    if (CACHEABLE.contains(method)) {
      result.put("ttlMs", LIST_TTL_MS);
      // Lists differ by role, so no shared cache may keep them.
      result.put("cacheScope", "private");
    }
    return result;
  }

  /** Why the Mcp-Method or Mcp-Name header does not say what the body says, if it does not. */
  private static Optional<String> headerMismatch(
      String method, JsonNode params, McpHeaders headers) {
    if (headers.method() == null) {
      return Optional.of("the Mcp-Method header is required");
    }
    if (!headers.method().equals(method)) {
      return Optional.of(
          "Mcp-Method header value '"
              + headers.method()
              + "' does not match body value '"
              + method
              + "'");
    }
    if (TASK_METHODS.contains(method) && headers.name() != null) {
      // The extension: Mcp-Name carries the taskId, so a router can find the task's node.
      return decode(headers.name())
              .filter(name -> name.equals(params.path("taskId").asText(null)))
              .isPresent()
          ? Optional.empty()
          : Optional.of("Mcp-Name header value does not match body value taskId");
    }
    if (!NAMED.contains(method)) {
      return Optional.empty();
    }
    String named = params.path(method.equals("resources/read") ? "uri" : "name").asText(null);
    if (headers.name() == null) {
      return Optional.of("the Mcp-Name header is required for " + method);
    }
    Optional<String> decoded = decode(headers.name());
    if (decoded.isEmpty()) {
      return Optional.of("the Mcp-Name header's base64 value cannot be decoded");
    }
    if (!decoded.get().equals(named)) {
      return Optional.of(
          "Mcp-Name header value '"
              + decoded.get()
              + "' does not match body value '"
              + named
              + "'");
    }
    return Optional.empty();
  }

  /** A header value, decoded when it is in the base64 sentinel form (=?base64?...?=). */
  static Optional<String> decode(String value) {
    if (!(value.startsWith(BASE64_PREFIX)
        && value.endsWith(BASE64_SUFFIX)
        && value.length() >= BASE64_PREFIX.length() + BASE64_SUFFIX.length())) {
      return Optional.of(value);
    }
    String encoded =
        value.substring(BASE64_PREFIX.length(), value.length() - BASE64_SUFFIX.length());
    try {
      return Optional.of(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A request answered with plain JSON that may not ask anything, knowing the _meta's means. */
  private static McpToolContext plain(JsonNode capabilities) {
    return CallContexts.plain(
        capabilities::has,
        "this request may not ask the client for input: under "
            + REVISION
            + " only tools/call, prompts/get and resources/read may");
  }

  /** The revision's answer to a version it does not speak, listing those it does. */
  private static McpReply unsupported(JsonNode id, String requested) {
    ObjectNode data = NODES.objectNode();
    ArrayNode supported = data.putArray("supported");
    SUPPORTED.forEach(supported::add);
    data.put("requested", requested);
    return McpReply.json(
        400,
        JsonRpc.error(
            id,
            JsonRpc.UNSUPPORTED_PROTOCOL_VERSION,
            "Unsupported protocol version "
                + requested
                + "; supported: "
                + String.join(", ", SUPPORTED),
            data));
  }

  private static McpReply error(int status, JsonNode id, int code, String message) {
    return McpReply.json(status, JsonRpc.error(id, code, message));
  }
}
