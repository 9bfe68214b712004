package ai.cinatra.adapters.http.mcp;

import ai.cinatra.adapters.http.mcp.jsonrpc.JsonRpc;
import ai.cinatra.adapters.http.mcp.tool.ClientRequestFailedException;
import ai.cinatra.adapters.http.mcp.tool.InputRequired;
import ai.cinatra.adapters.http.mcp.tool.McpToolContext;
import ai.cinatra.adapters.http.mcp.tool.MissingClientCapability;
import ai.cinatra.domain.mcp.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A 2026-07-28 call's way to its client (multi round-trip requests): what the client answered in
 * earlier rounds (carried in the sealed request state) and in this one (inputResponses) is here; a
 * question not yet answered ends the call with an input_required result, and the retry runs the
 * tool again from the start. Only what the request's clientCapabilities declare may be asked.
 */
final class RoundTripContext implements McpToolContext {
  private final JsonNode capabilities;
  private final ObjectNode answers;
  private final boolean resumed;
  private final Optional<Reporting> reporting;
  private int asked;

  /**
   * Where a streamed call's notifications go: the request's progress token, the log level the
   * request set in _meta (none: no log messages), and the stream.
   */
  record Reporting(JsonNode progressToken, Optional<LogLevel> logLevel, LiveStream stream) {}

  RoundTripContext(
      JsonNode capabilities, ObjectNode answers, boolean resumed, Optional<Reporting> reporting) {
    this.capabilities = capabilities;
    this.answers = answers;
    this.resumed = resumed;
    this.reporting = reporting;
  }

  /** Every answer so far, to seal into the next round's state. */
  ObjectNode answers() {
    return answers.deepCopy();
  }

  @Override
  public void progress(double progress, Double total, String message) {
    reporting
        .filter(r -> r.progressToken() != null)
        .ifPresent(
            r -> {
              ObjectNode params = JsonNodeFactory.instance.objectNode();
              params.set("progressToken", r.progressToken());
              params.put("progress", progress);
              if (total != null) {
                params.put("total", total);
              }
              if (message != null) {
                params.put("message", message);
              }
              r.stream()
                  .send(JsonRpc.notification("notifications/progress", params).toString(), false);
            });
  }

  @Override
  public void log(LogLevel level, String logger, JsonNode data) {
    // Only a request that set io.modelcontextprotocol/logLevel may be sent log messages.
    reporting
        .filter(r -> r.logLevel().isPresent() && level.passes(r.logLevel().get()))
        .ifPresent(
            r -> {
              ObjectNode params = JsonNodeFactory.instance.objectNode();
              params.put("level", level.wireName());
              params.put("logger", logger);
              params.set("data", data);
              r.stream()
                  .send(JsonRpc.notification("notifications/message", params).toString(), false);
            });
  }

  @Override
  public boolean clientCan(String capability) {
    return capabilities.has(capability);
  }

  @Override
  public JsonNode ask(String method, ObjectNode params) {
    // Keys follow the order of asking, which is the same on every run of the same call.
    String key = "input-" + ++asked;
    ObjectNode request = JsonNodeFactory.instance.objectNode().put("method", method);
    request.set("params", params);
    return askAll(Map.of(key, request)).get(key);
  }

  @Override
  public Map<String, JsonNode> askAll(Map<String, ObjectNode> requests) {
    ObjectNode missing = JsonNodeFactory.instance.objectNode();
    Map<String, JsonNode> found = new LinkedHashMap<>();
    requests.forEach(
        (key, request) -> {
          String method = request.path("method").asText();
          String capability =
              CallContexts.capabilityFor(method)
                  .orElseThrow(
                      () -> new ClientRequestFailedException("a client is not asked " + method));
          if (!clientCan(capability)) {
            throw new MissingClientCapability(capability);
          }
          JsonNode answer = answers.get(key);
          if (answer != null && answer.isObject()) {
            found.put(key, answer);
          } else {
            missing.set(key, request);
          }
        });
    if (!missing.isEmpty()) {
      throw new InputRequired(missing);
    }
    return found;
  }

  @Override
  public boolean resumed() {
    return resumed;
  }

  @Override
  public void detach() {
    // Nothing is held open.
  }
}
