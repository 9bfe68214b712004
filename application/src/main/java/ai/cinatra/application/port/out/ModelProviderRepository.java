package ai.cinatra.application.port.out;

import ai.cinatra.domain.connector.ModelProvider;
import java.util.Optional;

/** Stores the one configured model provider. */
public interface ModelProviderRepository {
  void save(ModelProvider provider);

  Optional<ModelProvider> find();
}
