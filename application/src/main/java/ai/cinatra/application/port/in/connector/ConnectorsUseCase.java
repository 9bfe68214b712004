package ai.cinatra.application.port.in.connector;

import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.connector.Connector;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Configuring connectors (the operator), listing them, and calling their operations. */
public interface ConnectorsUseCase {

  /** Configures a webhook from the command line; true when new, false when it replaced one. */
  boolean configureWebhook(
      String name, URI url, Optional<String> secretHeader, Optional<String> secret);

  /** Configures the language model from the command line; the key is stored sealed. */
  void configureModel(URI baseUrl, String model, Optional<String> apiKey);

  List<Connector> list(Actor actor);

  /** Calls an operation as the actor (a tool call); audited. */
  Map<String, Object> call(
      Actor actor, String connector, String operation, Map<String, Object> arguments);
}
