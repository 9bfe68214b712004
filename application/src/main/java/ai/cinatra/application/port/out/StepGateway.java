package ai.cinatra.application.port.out;

import java.time.Duration;
import java.util.Map;

/** The outside world a step may call: connector operations and a language model. */
public interface StepGateway {

  /**
   * Calls a connector operation; {@code idempotencyKey} (run and step) lets the receiver drop a
   * repeat after a crash; the call gives up after {@code timeout}.
   *
   * @return the operation's result
   * @throws ai.cinatra.application.error.InvalidInputException when it is not configured
   */
  Map<String, Object> callConnector(
      String connector,
      String operation,
      Map<String, Object> arguments,
      String idempotencyKey,
      Duration timeout);

  /** Asks the configured model, giving up after {@code timeout}; returns its text. */
  String askModel(String system, String prompt, Duration timeout);
}
