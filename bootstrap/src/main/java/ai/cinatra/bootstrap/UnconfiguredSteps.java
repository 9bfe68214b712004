package ai.cinatra.bootstrap;

import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.port.out.StepGateway;
import java.util.Map;

/**
 * Connector and model steps until connectors and a model provider are configured: such a step fails
 * its run with a message that says so, instead of doing anything half-way.
 */
final class UnconfiguredSteps implements StepGateway {
  @Override
  public Map<String, Object> callConnector(
      String connector, String operation, Map<String, Object> arguments, String idempotencyKey) {
    throw new InvalidInputException(
        "connector " + connector + " is not configured on this server; ask an admin to set it up");
  }

  @Override
  public String askModel(String system, String prompt) {
    throw new InvalidInputException(
        "no language model is configured on this server; ask an admin to set one up");
  }
}
