package ai.cinatra.adapters.http.mcp.tool;

import ai.cinatra.domain.mcp.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

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
   * Asks several questions at once, each under a key the tool chooses, and returns the answers by
   * key. Under 2025-11-25 they are asked one after another on the call's stream; under 2026-07-28
   * (multi round-trip requests) the call ends with those not yet answered, the client retries with
   * the answers, and the tool runs again from the start, finding them here.
   *
   * @param requests by key: each {@code {"method": ..., "params": {...}}}
   * @throws InputRequired under 2026-07-28, while some answers are missing
   */
  default Map<String, JsonNode> askAll(Map<String, ObjectNode> requests) {
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    requests.forEach(
        (key, request) ->
            answers.put(
                key, ask(request.path("method").asText(), (ObjectNode) request.get("params"))));
    return answers;
  }

  /**
   * Whether this call is a retry that brought back the state an earlier round of it sealed
   * (2026-07-28 requestState), verified unaltered, for this account and this request.
   */
  default boolean resumed() {
    return false;
  }

  /**
   * Closes the client's connection now; everything the call sends afterwards, its result too, is
   * kept for the client to fetch with GET and Last-Event-ID (polling instead of holding a stream).
   */
  void detach();
}
