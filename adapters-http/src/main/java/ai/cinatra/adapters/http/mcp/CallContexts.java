package ai.cinatra.adapters.http.mcp;

import ai.cinatra.adapters.http.mcp.jsonrpc.JsonRpc;
import ai.cinatra.adapters.http.mcp.tool.ClientRequestFailedException;
import ai.cinatra.adapters.http.mcp.tool.McpToolContext;
import ai.cinatra.domain.mcp.LogLevel;
import ai.cinatra.domain.mcp.McpSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The two ways a tool call reaches its client: on an SSE stream, or not at all (plain JSON). */
final class CallContexts {
  /** Which client capability each server-to-client request needs. */
  private static final Map<String, String> CAPABILITY_FOR =
      Map.of(
          "sampling/createMessage", "sampling",
          "elicitation/create", "elicitation",
          "roots/list", "roots");

  private CallContexts() {}

  /** The client capability a server-to-client request needs, if the method is one we send. */
  static Optional<String> capabilityFor(String method) {
    return Optional.ofNullable(CAPABILITY_FOR.get(method));
  }

  /** A call answered on a stream: it can report, log and ask. */
  static McpToolContext streaming(StreamHub hub, LiveStream live, JsonNode progressToken) {
    McpSession session = live.session();
    return new McpToolContext() {
      @Override
      public void progress(double progress, Double total, String message) {
        if (progressToken == null) {
          return;
        }
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        params.set("progressToken", progressToken);
        params.put("progress", progress);
        if (total != null) {
          params.put("total", total);
        }
        if (message != null) {
          params.put("message", message);
        }
        live.send(JsonRpc.notification("notifications/progress", params).toString(), false);
      }

      @Override
      public void log(LogLevel level, String logger, JsonNode data) {
        if (!level.passes(session.logLevel())) {
          return;
        }
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        params.put("level", level.wireName());
        params.put("logger", logger);
        params.set("data", data);
        live.send(JsonRpc.notification("notifications/message", params).toString(), false);
      }

      @Override
      public boolean clientCan(String capability) {
        return session.clientCan(capability);
      }

      @Override
      public JsonNode ask(String method, ObjectNode params) {
        String capability = CAPABILITY_FOR.get(method);
        if (capability == null || !session.clientCan(capability)) {
          throw new ClientRequestFailedException(
              "the client did not declare the '"
                  + capability
                  + "' capability at initialize, so it cannot be asked for "
                  + method);
        }
        return hub.ask(live, method, params);
      }

      @Override
      public void detach() {
        live.detach();
      }
    };
  }

  /** A call answered with plain JSON: nothing can reach the client before the result. */
  static McpToolContext plain(McpSession session) {
    return plain(
        session::clientCan,
        "this call cannot ask the client anything: it was not made with Accept: text/event-stream");
  }

  /**
   * The same for a request that knows the client's capabilities otherwise (2026-07-28: from its
   * _meta); {@code whyNotAsked} is what a tool that asks anyway is told.
   */
  static McpToolContext plain(Predicate<String> clientCan, String whyNotAsked) {
    return new McpToolContext() {
      @Override
      public void progress(double progress, Double total, String message) {}

      @Override
      public void log(LogLevel level, String logger, JsonNode data) {}

      @Override
      public boolean clientCan(String capability) {
        return clientCan.test(capability);
      }

      @Override
      public JsonNode ask(String method, ObjectNode params) {
        throw new ClientRequestFailedException(whyNotAsked);
      }

      @Override
      public void detach() {}
    };
  }
}
