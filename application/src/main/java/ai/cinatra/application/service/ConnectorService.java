package ai.cinatra.application.service;

import ai.cinatra.application.error.ForbiddenException;
import ai.cinatra.application.error.InvalidInputException;
import ai.cinatra.application.error.NotFoundException;
import ai.cinatra.application.error.UpstreamException;
import ai.cinatra.application.port.in.connector.ConnectorsUseCase;
import ai.cinatra.application.port.out.AuditRepository;
import ai.cinatra.application.port.out.CatalogChangeListener;
import ai.cinatra.application.port.out.ConnectorRepository;
import ai.cinatra.application.port.out.ModelProviderRepository;
import ai.cinatra.application.port.out.SecretBox;
import ai.cinatra.application.port.out.StepGateway;
import ai.cinatra.application.port.out.TransactionRunner;
import ai.cinatra.application.port.out.remote.LanguageModel;
import ai.cinatra.application.port.out.remote.OutboundHttp;
import ai.cinatra.domain.access.Actor;
import ai.cinatra.domain.access.Primitive;
import ai.cinatra.domain.account.Role;
import ai.cinatra.domain.connector.Connector;
import ai.cinatra.domain.connector.ConnectorOperation;
import ai.cinatra.domain.connector.ModelProvider;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Connectors: configured by the operator, listed for everyone, called by tools and by agent steps.
 * Every call carries an Idempotency-Key, so a receiver can drop a repeat after a crash.
 */
public final class ConnectorService implements ConnectorsUseCase, StepGateway {
  private final ConnectorRepository connectors;
  private final SecretBox secrets;
  private final OutboundHttp http;
  private final ModelProviderRepository models;
  private final LanguageModel model;
  private final Auditor auditor;
  private final Clock clock;
  private final CatalogChangeListener catalog;

  public ConnectorService(
      ConnectorRepository connectors,
      SecretBox secrets,
      OutboundHttp http,
      ModelProviderRepository models,
      LanguageModel model,
      AuditRepository audit,
      TransactionRunner transactions,
      CatalogChangeListener catalog,
      Clock clock) {
    this.connectors = connectors;
    this.secrets = secrets;
    this.http = http;
    this.models = models;
    this.model = model;
    this.auditor = new Auditor(audit, transactions, clock);
    this.clock = clock;
    this.catalog = catalog;
  }

  @Override
  public boolean configure(Map<String, Object> document, Optional<String> secret) {
    Connector connector = Connector.parse(document, secret.map(secrets::seal), clock.instant());
    boolean isNew = connectors.find(connector.name()).isEmpty();
    connectors.save(connector);
    catalog.catalogChanged();
    return isNew;
  }

  @Override
  public Connector install(Actor actor, Map<String, Object> document, Optional<String> secret) {
    String name = document.get("name") instanceof String n ? n : "?";
    return auditor.mutate(
        actor,
        Primitive.CONNECTORS_CONFIGURE,
        "connectors_install",
        name,
        () -> {
          configure(document, secret);
          return connectors.find(name).orElseThrow();
        });
  }

  @Override
  public List<Connector> configured() {
    return connectors.list();
  }

  @Override
  public List<Connector> list(Actor actor) {
    Auditor.require(actor, Primitive.CONNECTORS_READ, "read connectors");
    return connectors.list();
  }

  @Override
  public Map<String, Object> call(
      Actor actor, String connector, String operation, Map<String, Object> arguments) {
    return auditor.reachOut(
        actor,
        Primitive.CONNECTORS_CALL,
        connector + "_" + operation,
        connector,
        () -> {
          if (operationOf(connector, operation).adminOnly() && actor.role() != Role.ADMIN) {
            throw new ForbiddenException(
                connector
                    + "_"
                    + operation
                    + " is for admins; your role is "
                    + actor.role().wireName());
          }
          return callConnector(
              connector, operation, arguments, "call:" + UUID.randomUUID(), Optional.empty());
        });
  }

  @Override
  public Map<String, Object> callConnector(
      String name,
      String operation,
      Map<String, Object> arguments,
      String idempotencyKey,
      Duration timeout) {
    return callConnector(name, operation, arguments, idempotencyKey, Optional.of(timeout));
  }

  private Map<String, Object> callConnector(
      String name,
      String operation,
      Map<String, Object> arguments,
      String idempotencyKey,
      Optional<Duration> timeout) {
    Connector connector = connectorNamed(name);
    ConnectorOperation.HttpCall call =
        operationOf(name, operation).resolve(connector.url(), arguments);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Idempotency-Key", idempotencyKey);
    connector
        .secretHeader()
        .ifPresent(h -> headers.put(h, secrets.open(connector.sealedSecret().orElseThrow())));
    OutboundHttp.Reply reply =
        http.send(
            new OutboundHttp.Request(
                call.method().name(), call.uri(), headers, call.body(), timeout));
    if (reply.status() < 200 || reply.status() > 299) {
      throw new UpstreamException(
          "connector " + name + " answered HTTP " + reply.status() + "; nothing else was tried");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("status", reply.status());
    result.put("body", reply.body());
    return result;
  }

  private Connector connectorNamed(String name) {
    return connectors
        .find(name)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "connector " + name + " is not configured on this server; ask an admin"));
  }

  private ConnectorOperation operationOf(String name, String operation) {
    Connector connector = connectorNamed(name);
    return connector
        .operation(operation)
        .filter(ConnectorOperation::enabled)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "connector "
                        + name
                        + " has no enabled operation "
                        + operation
                        + "; it has "
                        + connector.operations().stream()
                            .filter(ConnectorOperation::enabled)
                            .map(ConnectorOperation::name)
                            .toList()));
  }

  @Override
  public void configureModel(URI baseUrl, String model, Optional<String> apiKey) {
    models.save(new ModelProvider(baseUrl, model, apiKey.map(secrets::seal), clock.instant()));
  }

  @Override
  public String askModel(String system, String prompt, Duration timeout) {
    ModelProvider provider =
        models
            .find()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "no language model is configured on this server; ask an admin to set one"
                            + " up"));
    return model.ask(
        new LanguageModel.Question(
            provider.baseUrl(),
            provider.model(),
            provider.sealedKey().map(secrets::open),
            system,
            prompt,
            timeout));
  }
}
