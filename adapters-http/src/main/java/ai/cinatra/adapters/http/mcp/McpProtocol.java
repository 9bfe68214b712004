package ai.cinatra.adapters.http.mcp;

import ai.cinatra.adapters.http.mcp.jsonrpc.JsonRpc;
import ai.cinatra.adapters.http.mcp.jsonrpc.McpProtocolException;
import ai.cinatra.adapters.http.mcp.tool.McpToolCatalog;
import ai.cinatra.adapters.http.mcp.tool.run.RunTasks;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.port.in.mcp.McpSessionsUseCase;
import ai.cinatra.application.port.in.mcp.McpStreamsUseCase;
import ai.cinatra.application.port.in.mcp.RequestStatesUseCase;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.error.InvalidValueException;
import ai.cinatra.domain.mcp.LogLevel;
import ai.cinatra.domain.mcp.McpSession;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MCP over Streamable HTTP, apart from the HTTP plumbing ({@link McpServlet}). initialize opens a
 * session (Mcp-Session-Id) bound to the account and client; every later request must carry it (400
 * without, 404 for an unknown, ended or someone else's); DELETE ends it. A POST carries one
 * JSON-RPC message; a tools/call of an interactive tool is answered on an SSE stream when the
 * client accepts one, everything else with JSON. GET opens the session's standalone stream, or
 * resumes any stream from Last-Event-ID.
 */
public final class McpProtocol {
  static final List<String> PROTOCOL_VERSIONS = List.of("2025-11-25", "2025-06-18", "2025-03-26");
  static final String SESSION_HEADER = "Mcp-Session-Id";
  static final String EVENT_STREAM = "text/event-stream";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern LAST_EVENT_ID =
      Pattern.compile("([A-Za-z0-9_-]{1,80})\\.(\\d{1,18})");

  private final ObjectMapper json;
  private final String version;
  private final McpSessionsUseCase sessions;
  private final McpStreamsUseCase streams;
  private final McpToolCatalog tools;
  private final List<McpExtension> extensions;
  private final McpLimits limits;
  private final StreamHub hub;
  private final StatelessProtocol stateless;
  private final SessionTasks tasks;

  /** What the server tells a client about itself at initialize and server/discover. */
  static final String INSTRUCTIONS =
      "Cinatra is this team's workspace: agent runs, objects, lists and connectors. Every tool"
          + " acts as the signed-in account and can do exactly what that account may; call"
          + " whoami to learn the account and its role. When a tool answers isError, read its"
          + " message: it says what to change.";

  public McpProtocol(
      ObjectMapper json,
      String version,
      McpSessionsUseCase sessions,
      McpStreamsUseCase streams,
      McpToolCatalog tools,
      List<McpExtension> extensions,
      McpLimits limits,
      StreamHub hub,
      RequestStatesUseCase requestStates,
      RunTasks runTasks) {
    this.json = json.copy();
    this.json
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxJsonDepth())
                .maxStringLength(limits.maxStringLength())
                .build());
    this.version = version;
    this.sessions = sessions;
    this.streams = streams;
    this.tools = tools;
    this.extensions = List.copyOf(extensions);
    this.limits = limits;
    this.hub = hub;
    this.stateless =
        new StatelessProtocol(
            version, tools, extensions, requestStates, this.json, hub, limits, runTasks);
    this.tasks = new SessionTasks(runTasks, tools, hub, limits);
  }

  /** Who answers: the name, title and version every revision's results carry. */
  static ObjectNode serverInfo(String version) {
    ObjectNode serverInfo = NODES.objectNode();
    serverInfo.put("name", "cinatra");
    serverInfo.put("title", "Cinatra");
    serverInfo.put("version", version);
    return serverInfo;
  }

  /** One POSTed JSON-RPC message (or a 2025-03-26 batch) from an authenticated caller. */
  McpReply post(
      byte[] body, String protocolVersion, String sessionId, String accept, Actor caller) {
    return post(body, new McpHeaders(protocolVersion, sessionId, accept, null, null), caller);
  }

  /**
   * One POSTed message: under 2026-07-28 (or a version no revision here knows, which that revision
   * answers) by {@link StatelessProtocol}, else under the session-based revisions.
   */
  McpReply post(byte[] body, McpHeaders headers, Actor caller) {
    String sessionId = headers.sessionId();
    String accept = headers.accept();
    boolean modern = StatelessProtocol.speaks(headers.protocolVersion());
    JsonNode message;
    try {
      message = json.readTree(body);
    } catch (StreamConstraintsException e) {
      String exceeded =
          e.getMessage().contains("nesting depth")
              ? "it nests deeper than " + limits.maxJsonDepth() + " levels"
              : "a string in it is longer than " + limits.maxStringLength() + " characters";
      return json(
          400,
          JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "the message exceeds a limit: " + exceeded));
    } catch (IOException e) { // malformed JSON; a byte array has no other way to fail
      return json(
          400, JsonRpc.error(null, JsonRpc.PARSE_ERROR, "parse error: the body is not JSON"));
    }
    if (message != null && message.isArray() && !modern) {
      return batch((ArrayNode) message, sessionId, caller);
    }
    Optional<String> invalid = envelopeFault(message);
    if (invalid.isPresent()) {
      JsonNode id = message != null && validId(message.get("id")) ? message.get("id") : null;
      return json(400, JsonRpc.error(id, JsonRpc.INVALID_REQUEST, invalid.get()));
    }
    if (modern) {
      return stateless.post(message, headers, caller);
    }
    Actor actor = caller;
    JsonNode id = message.get("id");
    String method = message.path("method").asText(null);
    if ("initialize".equals(method) && id != null) {
      return initialize(id, message.path("params"), actor);
    }
    if (sessionId == null) {
      return json(
          400,
          JsonRpc.error(
              id,
              JsonRpc.INVALID_REQUEST,
              "the Mcp-Session-Id header is required; initialize first"));
    }
    McpSession session;
    try {
      session = sessions.find(actor, sessionId);
    } catch (NotFoundException e) {
      return json(404, JsonRpc.error(id, JsonRpc.SESSION_NOT_FOUND, e.getMessage()));
    }
    if (method == null) {
      hub.answer(session, message); // the client's answer to a request a tool made
      return McpReply.empty(202);
    }
    if (id == null) {
      return McpReply.empty(202); // a notification: nothing to answer
    }
    JsonNode params = message.has("params") ? message.get("params") : NODES.objectNode();
    try {
      if (tasks.handles(session, method, params)) {
        return tasks.answer(id, method, params, actor, session, accepts(accept, EVENT_STREAM));
      }
      if ("tools/call".equals(method)) {
        return callTool(id, params, actor, session, accepts(accept, EVENT_STREAM));
      }
      return json(200, JsonRpc.result(id, answer(method, params, actor, session)));
    } catch (McpProtocolException e) {
      return json(200, JsonRpc.error(id, e.code(), e.getMessage()));
    }
  }

  /** The only revision whose clients may send JSON-RPC batches (later ones removed them). */
  static final String BATCHING_REVISION = "2025-03-26";

  /** More than any client batches; fewer than could tie up a request thread for long. */
  static final int MAX_BATCH = 32;

  /**
   * A JSON-RPC batch, accepted on a session that speaks 2025-03-26 as that revision requires: each
   * request answered in one JSON array (tool calls answered plainly, never as a stream),
   * notifications and responses taken in; refused on later revisions, which dropped batches.
   */
  private McpReply batch(ArrayNode messages, String sessionId, Actor actor) {
    if (sessionId == null) {
      return json(
          400,
          JsonRpc.error(
              null,
              JsonRpc.INVALID_REQUEST,
              "batches are not supported before a session exists (initialize may not be batched)"));
    }
    McpSession session;
    try {
      session = sessions.find(actor, sessionId);
    } catch (NotFoundException e) {
      return json(404, JsonRpc.error(null, JsonRpc.SESSION_NOT_FOUND, e.getMessage()));
    }
    if (!BATCHING_REVISION.equals(session.protocolVersion())) {
      return json(
          400,
          JsonRpc.error(
              null,
              JsonRpc.INVALID_REQUEST,
              "batches are not supported in revision "
                  + session.protocolVersion()
                  + "; send one JSON-RPC message per request"));
    }
    if (messages.isEmpty() || messages.size() > MAX_BATCH) {
      return json(
          400,
          JsonRpc.error(
              null,
              JsonRpc.INVALID_REQUEST,
              "a batch holds 1 to " + MAX_BATCH + " messages, not " + messages.size()));
    }
    ArrayNode answers = NODES.arrayNode();
    for (JsonNode message : messages) {
      Optional<String> invalid = envelopeFault(message);
      JsonNode id = message.isObject() && validId(message.get("id")) ? message.get("id") : null;
      String method = message.path("method").asText(null);
      if (invalid.isPresent()) {
        answers.add(JsonRpc.error(id, JsonRpc.INVALID_REQUEST, invalid.get()));
      } else if (method == null) {
        hub.answer(session, message);
      } else if ("initialize".equals(method)) {
        answers.add(
            JsonRpc.error(id, JsonRpc.INVALID_REQUEST, "initialize may not be part of a batch"));
      } else if (id != null) {
        answers.add(batchAnswer(id, method, message.path("params"), actor, session));
      }
    }
    return answers.isEmpty() ? McpReply.empty(202) : json(200, answers);
  }

  private JsonNode batchAnswer(
      JsonNode id, String method, JsonNode params, Actor actor, McpSession session) {
    JsonNode given = params.isMissingNode() ? NODES.objectNode() : params;
    try {
      if ("tools/call".equals(method)) {
        JsonNode arguments = toolArguments(given);
        return JsonRpc.result(
            id,
            tools.call(given.get("name").asText(), actor, arguments, CallContexts.plain(session)));
      }
      return JsonRpc.result(id, answer(method, given, actor, session));
    } catch (McpProtocolException e) {
      return JsonRpc.error(id, e.code(), e.getMessage());
    }
  }

  /** GET: the session's standalone stream, or any of its streams resumed from Last-Event-ID. */
  McpReply stream(
      String protocolVersion, String sessionId, String lastEventId, String accept, Actor caller) {
    if (!limits.streams()) {
      return McpReply.empty(405).withHeader("Allow", "POST, DELETE");
    }
    if (StatelessProtocol.speaks(protocolVersion)) {
      return notInStatelessRevision("GET");
    }
    if (!accepts(accept, EVENT_STREAM)) {
      return json(
          406, JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "GET needs Accept: text/event-stream"));
    }
    if (sessionId == null) {
      return json(
          400,
          JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "the Mcp-Session-Id header is required"));
    }
    McpSession session;
    try {
      session = sessions.find(caller, sessionId);
    } catch (NotFoundException e) {
      return json(404, JsonRpc.error(null, JsonRpc.SESSION_NOT_FOUND, e.getMessage()));
    }
    LiveStream live;
    if (lastEventId == null) {
      live =
          hub.follow(
              session,
              McpStreamsUseCase.STANDALONE,
              streams.position(session, McpStreamsUseCase.STANDALONE));
    } else {
      Matcher resume = LAST_EVENT_ID.matcher(lastEventId);
      if (!resume.matches()) {
        return json(
            400, JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "Last-Event-ID is not one of ours"));
      }
      // Only this session's streams are looked in: another session's event id finds nothing.
      live = hub.follow(session, resume.group(1), Long.parseLong(resume.group(2)));
    }
    return McpReply.stream(live);
  }

  /** DELETE: ends the session on every node. */
  McpReply end(String protocolVersion, String sessionId, Actor actor) {
    if (StatelessProtocol.speaks(protocolVersion)) {
      return notInStatelessRevision("DELETE");
    }
    if (sessionId == null) {
      return json(
          400,
          JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "the Mcp-Session-Id header is required"));
    }
    try {
      McpSession session = sessions.find(actor, sessionId);
      sessions.end(actor, sessionId);
      hub.closeSession(session.idHash());
      return McpReply.empty(204);
    } catch (NotFoundException e) {
      return json(404, JsonRpc.error(null, JsonRpc.SESSION_NOT_FOUND, e.getMessage()));
    }
  }

  private McpReply initialize(JsonNode id, JsonNode params, Actor actor) {
    String requested = params.path("protocolVersion").asText("");
    // The spec: answer the requested version when supported, else the newest we speak.
    String negotiated =
        PROTOCOL_VERSIONS.contains(requested) ? requested : PROTOCOL_VERSIONS.get(0);
    Set<String> clientCapabilities = new HashSet<>();
    params.path("capabilities").fieldNames().forEachRemaining(clientCapabilities::add);
    String opened = sessions.open(actor, negotiated, clientCapabilities);
    ObjectNode result = NODES.objectNode();
    result.put("protocolVersion", negotiated);
    ObjectNode capabilities = result.putObject("capabilities");
    capabilities.putObject("tools").put("listChanged", true);
    capabilities.putObject("logging");
    extensions.forEach(e -> e.addCapabilities(capabilities));
    if (SessionTasks.REVISION.equals(negotiated)) {
      SessionTasks.addCapabilities(capabilities);
    }
    result.set("serverInfo", serverInfo(version));
    result.put("instructions", INSTRUCTIONS);
    return json(200, JsonRpc.result(id, result)).withHeader(SESSION_HEADER, opened);
  }

  private JsonNode answer(String method, JsonNode params, Actor actor, McpSession session) {
    if (!params.isObject()) {
      throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "params must be an object");
    }
    switch (method) {
      case "ping":
        return NODES.objectNode();
      case "logging/setLevel":
        try {
          sessions.setLogLevel(session, LogLevel.parse(params.path("level").asText("")));
        } catch (InvalidValueException e) {
          throw new McpProtocolException(JsonRpc.INVALID_PARAMS, e.getMessage());
        }
        return NODES.objectNode();
      case "tools/list":
        JsonNode cursor = params.get("cursor");
        if (cursor != null && !cursor.isNull() && !cursor.isTextual()) {
          throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "cursor must be a string");
        }
        return tools.list(
            actor,
            cursor == null || cursor.isNull() ? Optional.empty() : Optional.of(cursor.asText()));
      default:
        for (McpExtension extension : extensions) {
          Optional<JsonNode> answered = extension.handle(method, params, actor);
          if (answered.isPresent()) {
            return answered.get();
          }
        }
        throw new McpProtocolException(JsonRpc.METHOD_NOT_FOUND, "method not found: " + method);
    }
  }

  private McpReply callTool(
      JsonNode id, JsonNode params, Actor actor, McpSession session, boolean clientTakesStream) {
    JsonNode arguments = toolArguments(params);
    String name = params.get("name").asText();
    if (!(limits.streams()
        && clientTakesStream
        && tools.isInteractive(name, arguments, session::clientCan))) {
      ObjectNode result = tools.call(name, actor, arguments, CallContexts.plain(session));
      return json(200, JsonRpc.result(id, result));
    }
    JsonNode progressToken = params.path("_meta").get("progressToken");
    LiveStream live = hub.newPostStream(session);
    live.prime(limits.retry(), 0);
    try {
      hub.run(
          live,
          () -> {
            ObjectNode response;
            try {
              response =
                  JsonRpc.result(
                      id,
                      tools.call(
                          name,
                          actor,
                          arguments,
                          CallContexts.streaming(hub, live, progressToken)));
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

  /** A tools/call's arguments, once its params are known to name a tool and hold an object. */
  private static JsonNode toolArguments(JsonNode params) {
    if (!params.isObject() || !params.path("name").isTextual()) {
      throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "tools/call needs a tool name");
    }
    JsonNode arguments = params.get("arguments");
    if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
      throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "arguments must be an object");
    }
    return arguments;
  }

  /** Why the message is not one JSON-RPC 2.0 request, notification or response, if it is not. */
  static Optional<String> envelopeFault(JsonNode message) {
    if (message == null || message.isArray()) {
      return Optional.of("expected one JSON-RPC 2.0 message, not a nested batch");
    }
    if (!message.isObject() || !"2.0".equals(message.path("jsonrpc").asText())) {
      return Optional.of("expected one JSON-RPC 2.0 message");
    }
    if (message.has("id") && !validId(message.get("id"))) {
      return Optional.of("id must be a string or an integer");
    }
    if (message.has("method") && !message.get("method").isTextual()) {
      return Optional.of("method must be a string");
    }
    if (!message.has("method") && !(message.has("result") || message.has("error"))) {
      return Optional.of("a message without a method must be a response (result or error)");
    }
    return Optional.empty();
  }

  private static boolean validId(JsonNode id) {
    return id != null && (id.isTextual() || id.isIntegralNumber());
  }

  private static boolean accepts(String accept, String type) {
    return accept != null && (accept.contains(type) || accept.contains("*/*"));
  }

  /** GET and DELETE belong to the session-based revisions: 2026-07-28 has neither (405). */
  private static McpReply notInStatelessRevision(String method) {
    return json(
            405,
            JsonRpc.error(
                null,
                JsonRpc.INVALID_REQUEST,
                method
                    + " is not part of MCP "
                    + StatelessProtocol.REVISION
                    + ": it has no sessions and no standalone stream; POST each request"))
        .withHeader("Allow", "POST");
  }

  private static McpReply json(int status, JsonNode body) {
    return McpReply.json(status, body);
  }
}
