package ai.cinatra.application.port.out;

import java.util.Map;

/** The outside world a step may call: connector operations and a language model. */
public interface StepGateway {

  /**
   * Calls a connector operation; {@code idempotencyKey} (run and step) lets the receiver drop a
   * repeat after a crash.
   *
   * @return the operation's result
   * @throws ai.cinatra.application.error.InvalidInputException when it is not configured
   */
  Map<String, Object> callConnector(
      String connector, String operation, Map<String, Object> arguments, String idempotencyKey);

  /** Asks the configured model; returns its text. */
  String askModel(String system, String prompt);
}
