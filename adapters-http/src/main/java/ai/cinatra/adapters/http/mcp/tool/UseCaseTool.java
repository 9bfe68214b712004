package ai.cinatra.adapters.http.mcp.tool;

import ai.cinatra.domain.account.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A product tool that translates for one use case: validated arguments in, structured result out.
 * The use case checks the actor's role and audits; the role here only decides who sees the tool.
 */
public record UseCaseTool(
    ObjectNode descriptorJson,
    Role requiredRole,
    Function<ToolCall, ObjectNode> body,
    AsksWhen asksWhen)
    implements McpTool {

  /** When a call asks the person through the client: from its arguments and the client's means. */
  @FunctionalInterface
  public interface AsksWhen {
    AsksWhen NEVER = (arguments, clientCan) -> false;

    boolean test(JsonNode arguments, Predicate<String> clientCan);
  }

  public static UseCaseTool of(
      String descriptor, Role requiredRole, Function<ToolCall, ObjectNode> body) {
    return build(descriptor, requiredRole, body, AsksWhen.NEVER);
  }

  /** A tool whose calls may ask the person through the client (elicitation) while they run. */
  public static UseCaseTool asking(
      String descriptor,
      Role requiredRole,
      AsksWhen asksWhen,
      Function<ToolCall, ObjectNode> body) {
    return build(descriptor, requiredRole, body, asksWhen);
  }

  private static UseCaseTool build(
      String descriptor,
      Role requiredRole,
      Function<ToolCall, ObjectNode> body,
      AsksWhen asksWhen) {
    ObjectNode parsed = ToolDescriptors.parse(descriptor);
    if (!parsed.has("outputSchema") || !parsed.has("annotations")) {
      throw new IllegalArgumentException(
          "product tool "
              + parsed.path("name").asText()
              + " needs an outputSchema and annotations");
    }
    return new UseCaseTool(parsed, requiredRole, body, asksWhen);
  }

  @Override
  public ObjectNode descriptor() {
    return descriptorJson.deepCopy();
  }

  @Override
  public boolean interactive() {
    return asksWhen != AsksWhen.NEVER;
  }

  @Override
  public boolean talksOn(JsonNode arguments, Predicate<String> clientCan) {
    return asksWhen.test(arguments, clientCan);
  }

  @Override
  public boolean useCaseDecidesAccess() {
    return true;
  }

  @Override
  public ObjectNode call(ToolCall call) {
    return body.apply(call);
  }
}
