package ai.cinatra.application.port.in.connector;

import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.connector.Connector;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Configuring connectors (the operator, an admin), listing them, and calling their operations. */
public interface ConnectorsUseCase {

  /**
   * Configures a connector from its document ({@code name, kind, url, secretHeader?, operations?})
   * on the operator's word (the command line); the secret is stored sealed. True when new, false
   * when it replaced one of that name.
   */
  boolean configure(Map<String, Object> document, Optional<String> secret);

  /** The same as an admin (the REST admin API); audited. */
  Connector install(Actor actor, Map<String, Object> document, Optional<String> secret);

  /** Configures the language model from the command line; the key is stored sealed. */
  void configureModel(URI baseUrl, String model, Optional<String> apiKey);

  /**
   * Every configured connector, for the server to offer each operation as a tool (the tools check
   * the caller's role when called); no actor, like {@code AgentsUseCase.installed}.
   */
  List<Connector> configured();

  List<Connector> list(Actor actor);

  /** Calls an operation as the actor (a tool call); audited. Admin-only operations need admin. */
  Map<String, Object> call(
      Actor actor, String connector, String operation, Map<String, Object> arguments);
}
