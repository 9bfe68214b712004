package ai.cinatra.adapters.http.mcp.tool;

import ai.cinatra.domain.account.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Predicate;

/**
 * One MCP tool: its descriptor as tools/list shows it and what a call does. A tool translates; the
 * work is a use case. Arguments reach {@link #call} already validated against the input schema.
 */
public interface McpTool {

  /** The tools/list entry: name, title, description, inputSchema, outputSchema, annotations. */
  ObjectNode descriptor();

  /** The least role that may see and call the tool. */
  Role requiredRole();

  /**
   * Whether a call may talk to the client while it runs (progress, log messages, sampling or
   * elicitation requests); such calls are answered on an SSE stream when the client accepts one.
   */
  default boolean interactive() {
    return false;
  }

  /**
   * Whether this call, with these arguments from a client that can do what {@code clientCan} says,
   * talks to the client (and so is answered on a stream); a tool that talks only sometimes answers
   * the other calls with plain JSON.
   */
  default boolean talksOn(JsonNode arguments, Predicate<String> clientCan) {
    return interactive();
  }

  /**
   * Runs the tool. Failures on the tool's own terms are thrown as ApplicationException (or returned
   * as an isError result) and reach the model as an isError result.
   */
  ObjectNode call(ToolCall call);

  /**
   * Whether the use case behind the tool decides who may call it (and audits refusals); the catalog
   * then only hides the tool from roles below {@link #requiredRole()} instead of refusing calls.
   */
  default boolean useCaseDecidesAccess() {
    return false;
  }

  default String name() {
    return descriptor().path("name").asText();
  }
}
