package ai.cinatra.adapters.http.mcp;

import ai.cinatra.adapters.http.mcp.jsonrpc.McpProtocolException;
import ai.cinatra.adapters.http.mcp.tool.McpTool;
import ai.cinatra.adapters.http.mcp.tool.McpToolContext;
import ai.cinatra.domain.access.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * More of MCP than the product's tools: resources, prompts, completion. An extension adds
 * capabilities to initialize, tools to the catalog, and answers the methods it knows.
 */
public interface McpExtension {

  /** Merged into the server capabilities initialize returns. */
  void addCapabilities(ObjectNode capabilities);

  List<McpTool> tools();

  /**
   * Answers a request, or empty when the method is not this extension's.
   *
   * @throws McpProtocolException for bad params or unknown names
   */
  Optional<JsonNode> handle(String method, JsonNode params, Actor actor);

  /**
   * The same, for a request that may ask the client for input while it is answered (2026-07-28:
   * prompts/get and resources/read may end with an input_required result, as tools/call may).
   */
  default Optional<JsonNode> handle(
      String method, JsonNode params, Actor actor, McpToolContext context) {
    return handle(method, params, actor);
  }
}
