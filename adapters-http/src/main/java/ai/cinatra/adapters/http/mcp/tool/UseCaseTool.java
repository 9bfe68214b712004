package ai.cinatra.adapters.http.mcp.tool;

import ai.cinatra.domain.account.Role;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * A product tool that translates for one use case: validated arguments in, structured result out.
 * The use case checks the actor's role and audits; the role here only decides who sees the tool.
 */
public record UseCaseTool(
    ObjectNode descriptorJson,
    Role requiredRole,
    Function<ToolCall, ObjectNode> body,
    boolean interactive)
    implements McpTool {

  public static UseCaseTool of(
      String descriptor, Role requiredRole, Function<ToolCall, ObjectNode> body) {
    return build(descriptor, requiredRole, body, false);
  }

  /** A tool whose call may ask the person through the client (elicitation) while it runs. */
  public static UseCaseTool asking(
      String descriptor, Role requiredRole, Function<ToolCall, ObjectNode> body) {
    return build(descriptor, requiredRole, body, true);
  }

  private static UseCaseTool build(
      String descriptor,
      Role requiredRole,
      Function<ToolCall, ObjectNode> body,
      boolean interactive) {
    ObjectNode parsed = ToolDescriptors.parse(descriptor);
    if (!parsed.has("outputSchema") || !parsed.has("annotations")) {
      throw new IllegalArgumentException(
          "product tool "
              + parsed.path("name").asText()
              + " needs an outputSchema and annotations");
    }
    return new UseCaseTool(parsed, requiredRole, body, interactive);
  }

  @Override
  public ObjectNode descriptor() {
    return descriptorJson.deepCopy();
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
