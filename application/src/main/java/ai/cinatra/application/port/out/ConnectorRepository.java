package ai.cinatra.application.port.out;

import ai.cinatra.domain.connector.Connector;
import java.util.List;
import java.util.Optional;

/** Stores configured connectors; saving a name again replaces it. */
public interface ConnectorRepository {
  void save(Connector connector);

  Optional<Connector> find(String name);

  List<Connector> list();
}
