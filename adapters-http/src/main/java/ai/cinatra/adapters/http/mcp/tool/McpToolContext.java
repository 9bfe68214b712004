package ai.cinatra.adapters.http.mcp.tool;

import ai.cinatra.domain.mcp.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a running tool may say to the client, and ask of it. */
public interface McpToolContext {

  /** Reports progress when the client asked for it (a progressToken); otherwise nothing. */
  void progress(double progress, Double total, String message);

  /** Sends a log message when the session's level lets it through. */
  void log(LogLevel level, String logger, JsonNode data);

  /** Whether the client declared it answers this kind of request (sampling, elicitation). */
  boolean clientCan(String capability);

  /**
   * Sends a request to the client and waits for its answer.
   *
   * @return the client's result
   * @throws ClientRequestFailedException when the client cannot be asked on this call, answers with
   *     an error, or does not answer in time
   */
  JsonNode ask(String method, ObjectNode params);

  /**
   * Closes the client's connection now; everything the call sends afterwards, its result too, is
   * kept for the client to fetch with GET and Last-Event-ID (polling instead of holding a stream).
   */
  void detach();
}
