package ai.cinatra.domain.agent;

import ai.cinatra.domain.error.InvalidValueException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An agent as an admin installs it: a declarative document of steps run in order. {@code onReject}
 * names the step a rejected approval continues at; without it a rejection stops the run.
 */
public record AgentDefinition(
    AgentId id,
    String name,
    String description,
    Map<String, Object> inputSchema,
    List<Step> steps,
    Optional<String> onReject,
    Map<String, Object> document) {

  public static final int MAX_STEPS = 100;

  public AgentDefinition {
    if (id == null || inputSchema == null || steps == null || onReject == null) {
      throw new InvalidValueException("an agent has an id, an input schema and steps");
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new InvalidValueException("agent " + id + ": name is 1 to 200 characters");
    }
    if (description == null || description.length() > 2000) {
      throw new InvalidValueException("agent " + id + ": description is at most 2000 characters");
    }
    if (steps.isEmpty() || steps.size() > MAX_STEPS) {
      throw new InvalidValueException("agent " + id + ": 1 to " + MAX_STEPS + " steps");
    }
    Set<String> ids = new HashSet<>();
    for (Step step : steps) {
      if (!ids.add(step.id())) {
        throw new InvalidValueException(
            "agent " + id + ": step id " + step.id() + " is used twice");
      }
    }
    if (onReject.isPresent() && !ids.contains(onReject.get())) {
      throw new InvalidValueException(
          "agent " + id + ": onReject names no step (" + onReject.get() + ")");
    }
    if (!"object".equals(inputSchema.get("type"))) {
      throw new InvalidValueException(
          "agent " + id + ": inputSchema is a JSON schema of type object");
    }
    inputSchema = Collections.unmodifiableMap(new LinkedHashMap<>(inputSchema));
    steps = List.copyOf(steps);
    document = Collections.unmodifiableMap(new LinkedHashMap<>(document));
  }

  /** The position of the step with this id, if the agent has one. */
  public OptionalInt positionOf(String stepId) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).id().equals(stepId)) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /** Reads a definition document (parsed JSON), saying exactly what is wrong when it is wrong. */
  public static AgentDefinition parse(Map<String, Object> document) {
    if (document == null) {
      throw new InvalidValueException("an agent definition is a JSON object");
    }
    Object rawSteps = document.get("steps");
    if (!(rawSteps instanceof List<?> list)) {
      throw new InvalidValueException("an agent definition has a list of steps");
    }
    List<Step> steps = new ArrayList<>();
    for (Object raw : list) {
      if (!(raw instanceof Map<?, ?> step)) {
        throw new InvalidValueException("each step is a JSON object");
      }
      steps.add(Step.parse(step));
    }
    Object schema = document.getOrDefault("inputSchema", Map.of("type", "object"));
    if (!(schema instanceof Map<?, ?> inputSchema)) {
      throw new InvalidValueException("inputSchema is a JSON schema object");
    }
    return new AgentDefinition(
        new AgentId(text(document, "agentId")),
        text(document, "name"),
        document.get("description") instanceof String d ? d : "",
        JsonValues.object(inputSchema),
        steps,
        Optional.ofNullable(document.get("onReject") instanceof String r ? r : null),
        document);
  }

  private static String text(Map<String, Object> document, String field) {
    if (!(document.get(field) instanceof String value)) {
      throw new InvalidValueException("an agent definition has a string " + field);
    }
    return value;
  }
}
