package ai.cinatra.adapters.http.mcp;

import ai.cinatra.application.error.ConflictException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.port.in.mcp.McpSessionsUseCase;
import ai.cinatra.domain.access.Actor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The MCP endpoint over Streamable HTTP. initialize opens a session (Mcp-Session-Id) bound to the
 * account and client; every later request must carry it (400 without, 404 for an unknown, ended or
 * someone else's); DELETE ends it. Every POST carries one JSON-RPC message and gets a JSON answer;
 * there is no server-to-client stream yet (GET answers 405, as the spec allows).
 */
@Path("/api/mcp")
@McpAuthenticated
public final class McpResource {
  static final List<String> PROTOCOL_VERSIONS = List.of("2025-11-25", "2025-06-18", "2025-03-26");
  static final int MAX_BODY_CHARS = 1 << 20;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String SESSION_HEADER = "Mcp-Session-Id";

  /** RFC 5424 severities, as the MCP logging utility names them. */
  static final List<String> LOG_LEVELS =
      List.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");

  private final ObjectMapper json;
  private final String version;
  private final McpSessionsUseCase sessions;

  /** Deeper than any real tool call, shallow enough that parsing stays cheap. */
  static final int MAX_JSON_DEPTH = 64;

  public McpResource(ObjectMapper json, String version, McpSessionsUseCase sessions) {
    this.json = json.copy();
    this.json
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_JSON_DEPTH)
                .maxStringLength(MAX_BODY_CHARS)
                .build());
    this.version = version;
    this.sessions = sessions;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response post(
      String body,
      @HeaderParam("MCP-Protocol-Version") String protocolVersion,
      @HeaderParam(SESSION_HEADER) String sessionId,
      @Context ContainerRequestContext request) {
    if (protocolVersion != null && !PROTOCOL_VERSIONS.contains(protocolVersion)) {
      return jsonResponse(
          400,
          error(NODES.nullNode(), -32600, "unsupported MCP-Protocol-Version " + protocolVersion));
    }
    if (body == null || body.length() > MAX_BODY_CHARS) {
      return jsonResponse(413, error(NODES.nullNode(), -32600, "the request body is too large"));
    }
    JsonNode message;
    try {
      message = json.readTree(body);
    } catch (JsonProcessingException e) {
      return jsonResponse(
          400, error(NODES.nullNode(), -32700, "parse error: the body is not JSON"));
    }
    if (message == null || !message.isObject() || !"2.0".equals(message.path("jsonrpc").asText())) {
      return jsonResponse(
          400, error(NODES.nullNode(), -32600, "expected one JSON-RPC 2.0 message"));
    }
    Actor actor = (Actor) request.getProperty(BearerAuthFilter.ACTOR);
    JsonNode id = message.has("id") ? message.get("id") : NODES.nullNode();
    boolean initialize = "initialize".equals(message.path("method").asText());
    if (initialize && message.has("id")) {
      ObjectNode result = initialize(message.path("params"));
      String opened;
      try {
        opened = sessions.open(actor, result.get("protocolVersion").asText());
      } catch (ConflictException e) {
        return jsonResponse(200, error(id, -32000, e.getMessage()));
      }
      return Response.ok(result(id, result), MediaType.APPLICATION_JSON_TYPE)
          .header(SESSION_HEADER, opened)
          .build();
    }
    if (sessionId == null) {
      return jsonResponse(
          400, error(id, -32600, "the Mcp-Session-Id header is required; initialize first"));
    }
    try {
      sessions.find(actor, sessionId);
    } catch (NotFoundException e) {
      return jsonResponse(404, error(id, -32001, e.getMessage()));
    }
    if (!message.has("method")) {
      return Response.accepted().build(); // a response to a request we never send yet
    }
    if (!message.has("id")) {
      return Response.accepted().build(); // a notification: nothing to answer
    }
    JsonNode params = message.path("params");
    return switch (message.get("method").asText()) {
      case "ping" -> jsonResponse(200, result(id, NODES.objectNode()));
      case "logging/setLevel" ->
          LOG_LEVELS.contains(params.path("level").asText())
              ? jsonResponse(200, result(id, NODES.objectNode()))
              : jsonResponse(200, error(id, -32602, "level must be one of " + LOG_LEVELS));
      case "tools/list" ->
          params.hasNonNull("cursor")
              // One page holds every tool so far; any cursor is one this server never gave.
              ? jsonResponse(200, error(id, -32602, "invalid cursor"))
              : jsonResponse(200, result(id, toolsList()));
      case "tools/call" -> jsonResponse(200, callTool(id, params, actor));
      default ->
          jsonResponse(
              200, error(id, -32601, "method not found: " + message.get("method").asText()));
    };
  }

  @GET
  public Response stream() {
    return Response.status(Response.Status.METHOD_NOT_ALLOWED)
        .header("Allow", "POST, DELETE")
        .build();
  }

  @DELETE
  public Response end(
      @HeaderParam(SESSION_HEADER) String sessionId, @Context ContainerRequestContext request) {
    if (sessionId == null) {
      return jsonResponse(
          400, error(NODES.nullNode(), -32600, "the Mcp-Session-Id header is required"));
    }
    try {
      sessions.end((Actor) request.getProperty(BearerAuthFilter.ACTOR), sessionId);
      return Response.noContent().build();
    } catch (NotFoundException e) {
      return jsonResponse(404, error(NODES.nullNode(), -32001, e.getMessage()));
    }
  }

  private ObjectNode initialize(JsonNode params) {
    String requested = params.path("protocolVersion").asText("");
    ObjectNode result = NODES.objectNode();
    // The spec: answer the requested version when supported, else the newest we speak.
    result.put(
        "protocolVersion",
        PROTOCOL_VERSIONS.contains(requested) ? requested : PROTOCOL_VERSIONS.get(0));
    ObjectNode capabilities = result.putObject("capabilities");
    capabilities.putObject("tools").put("listChanged", true);
    capabilities.putObject("logging");
    ObjectNode serverInfo = result.putObject("serverInfo");
    serverInfo.put("name", "cinatra");
    serverInfo.put("version", version);
    result.put(
        "instructions",
        "Cinatra is this team's workspace: agent runs, objects, lists and connectors. Every tool"
            + " acts as the signed-in account and can do exactly what that account may.");
    return result;
  }

  private ObjectNode toolsList() {
    ObjectNode whoami = NODES.objectNode();
    whoami.put("name", "whoami");
    whoami.put("title", "Who am I");
    whoami.put("description", "The account this client acts as, its current role, and the client.");
    ObjectNode input = whoami.putObject("inputSchema");
    input.put("type", "object");
    input.putObject("properties");
    input.put("additionalProperties", false);
    ObjectNode output = whoami.putObject("outputSchema");
    output.put("type", "object");
    ObjectNode props = output.putObject("properties");
    for (String field : List.of("accountId", "email", "role", "clientId")) {
      props.putObject(field).put("type", "string");
    }
    output.putArray("required").add("accountId").add("email").add("role").add("clientId");
    ObjectNode annotations = whoami.putObject("annotations");
    annotations.put("readOnlyHint", true);
    annotations.put("destructiveHint", false);
    annotations.put("idempotentHint", true);
    annotations.put("openWorldHint", false);
    ObjectNode result = NODES.objectNode();
    result.putArray("tools").add(whoami);
    return result;
  }

  private ObjectNode callTool(JsonNode id, JsonNode params, Actor actor) {
    String name = params.path("name").asText("");
    if (!"whoami".equals(name)) {
      return error(id, -32602, "unknown tool: " + name);
    }
    JsonNode arguments = params.path("arguments");
    if (!arguments.isMissingNode()
        && !arguments.isNull()
        && (!arguments.isObject() || arguments.size() > 0)) {
      ObjectNode refused = NODES.objectNode();
      refused
          .putArray("content")
          .addObject()
          .put("type", "text")
          .put("text", "whoami takes no arguments");
      refused.put("isError", true);
      return result(id, refused);
    }
    ObjectNode structured = NODES.objectNode();
    structured.put("accountId", actor.account().toString());
    structured.put("email", actor.email().value());
    structured.put("role", actor.role().wireName());
    structured.put("clientId", actor.client().value());
    ObjectNode result = NODES.objectNode();
    ArrayNode content = result.putArray("content");
    content
        .addObject()
        .put("type", "text")
        .put(
            "text",
            "You are "
                + actor.email()
                + " ("
                + actor.role().wireName()
                + ") through client "
                + actor.client()
                + ".");
    result.set("structuredContent", structured);
    result.put("isError", false);
    return result(id, result);
  }

  private static ObjectNode result(JsonNode id, JsonNode result) {
    ObjectNode response = NODES.objectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", id);
    response.set("result", result);
    return response;
  }

  private static ObjectNode error(JsonNode id, int code, String message) {
    ObjectNode response = NODES.objectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", id);
    response.putObject("error").put("code", code).put("message", message);
    return response;
  }

  private static Response jsonResponse(int status, JsonNode body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
