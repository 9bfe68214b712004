package ai.cinatra.adapters.http.mcp.tool.run;

import ai.cinatra.adapters.http.mcp.tool.ClientRequestFailedException;
import ai.cinatra.adapters.http.mcp.tool.McpToolContext;
import ai.cinatra.adapters.http.mcp.tool.ToolJson;
import ai.cinatra.domain.run.AgentRun;
import ai.cinatra.domain.run.PendingApproval;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Asks the person at the client to answer a paused run's approval (MCP elicitation): the screen's
 * fields that an elicitation form can show (strings, numbers, booleans, enums) with the proposed
 * values as defaults, and the decision. Accepted, the form is the answer; declined, a rejection;
 * dismissed, no answer at all and the run keeps waiting.
 */
final class ApprovalQuestion {
  /** What an elicitation form may say about a field (MCP 2025-11-25, PrimitiveSchemaDefinition). */
  private static final Set<String> FIELD_KEYWORDS =
      Set.of(
          "type",
          "title",
          "description",
          "minLength",
          "maxLength",
          "format",
          "minimum",
          "maximum",
          "enum",
          "enumNames",
          "default");

  private static final Set<String> PRIMITIVES = Set.of("string", "number", "integer", "boolean");
  private static final Set<String> FORMATS = Set.of("email", "uri", "date", "date-time");
  private static final String DECISION = "decision";

  private ApprovalQuestion() {}

  /**
   * The person's answer, as agent_run_resume's userResponse.
   *
   * @throws ClientRequestFailedException when the person dismissed the question, the client
   *     answered with an error, or did not answer in time: nothing was decided
   */
  static Map<String, Object> ask(McpToolContext client, AgentRun run) {
    JsonNode answer = client.ask("elicitation/create", params(run));
    return decision(answer)
        .orElseThrow(
            () ->
                new ClientRequestFailedException(
                    "the person closed the question without answering; run "
                        + run.id()
                        + " still waits for approval"));
  }

  /** The elicitation/create params that put the paused run's approval to the person. */
  static ObjectNode params(AgentRun run) {
    PendingApproval pending = run.pendingApproval().orElseThrow();
    ObjectNode params = ToolJson.object();
    params.put("message", message(run, pending));
    params.set("requestedSchema", form(pending));
    return params;
  }

  /**
   * The person's elicitation result as a userResponse: accepted, the form (approve unless it says
   * otherwise); declined, a rejection; anything else (cancelled, dismissed) decides nothing.
   */
  static Optional<Map<String, Object>> decision(JsonNode answer) {
    switch (answer.path("action").asText()) {
      case "accept" -> {
        Map<String, Object> values = new LinkedHashMap<>();
        if (answer.path("content").isObject()) {
          values.putAll(ToolJson.map(answer.get("content")));
        }
        values.putIfAbsent(DECISION, "approve");
        return Optional.of(values);
      }
      case "decline" -> {
        return Optional.of(Map.of(DECISION, "reject"));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static String message(AgentRun run, PendingApproval pending) {
    StringBuilder text =
        new StringBuilder("Agent ")
            .append(run.agent())
            .append(" waits for your approval at step '")
            .append(pending.stepId())
            .append("' (run ")
            .append(run.id())
            .append(").");
    if (!pending.proposed().isEmpty()) {
      text.append(" Proposed: ");
      List<String> shown =
          pending.proposed().entrySet().stream()
              .map(e -> e.getKey() + " = " + e.getValue())
              .toList();
      text.append(String.join(", ", shown)).append('.');
    }
    return text.toString();
  }

  /** The screen as a flat elicitation form: what cannot be shown keeps its proposed value. */
  static ObjectNode form(PendingApproval pending) {
    ObjectNode screen = ToolJson.node(pending.screen());
    ObjectNode form = ToolJson.object();
    form.put("type", "object");
    ObjectNode properties = form.putObject("properties");
    ObjectNode decision = properties.putObject(DECISION);
    decision.put("type", "string").put("title", "Decision");
    decision.putArray("enum").add("approve").add("reject");
    decision.put("default", "approve");
    screen
        .path("properties")
        .fields()
        .forEachRemaining(
            field -> {
              if (!field.getKey().equals(DECISION) && showable(field.getValue())) {
                properties.set(
                    field.getKey(),
                    field(field.getValue(), pending.proposed().get(field.getKey())));
              }
            });
    ArrayNode required = form.putArray("required").add(DECISION);
    screen
        .path("required")
        .forEach(
            name -> {
              if (!name.asText().equals(DECISION) && properties.has(name.asText())) {
                required.add(name.asText());
              }
            });
    return form;
  }

  private static boolean showable(JsonNode schema) {
    return schema.isObject()
        && PRIMITIVES.contains(schema.path("type").asText())
        && (!schema.has("format") || FORMATS.contains(schema.path("format").asText()));
  }

  private static ObjectNode field(JsonNode schema, Object proposed) {
    ObjectNode field = ToolJson.object();
    schema
        .fields()
        .forEachRemaining(
            keyword -> {
              if (FIELD_KEYWORDS.contains(keyword.getKey())) {
                field.set(keyword.getKey(), keyword.getValue());
              }
            });
    String type = field.path("type").asText();
    boolean fits =
        switch (type) {
          case "string" -> proposed instanceof String;
          case "boolean" -> proposed instanceof Boolean;
          case "integer" -> proposed instanceof Integer || proposed instanceof Long;
          default -> proposed instanceof Number;
        };
    if (fits) {
      field.set("default", ToolJson.value(proposed));
    }
    return field;
  }
}
