package ai.cinatra.bootstrap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.ConfigurationFactoryFactory;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.ResourceConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import jakarta.validation.Validator;
import java.io.IOException;

/**
 * Makes a command run with no configuration file read the bundled {@value #DEFAULT_CONFIG}, so the
 * embedded default still honours environment variables such as CINATRA_DATABASE_URL.
 */
public final class BundledDefaultConfigurationFactoryFactory<T>
    implements ConfigurationFactoryFactory<T> {
  public static final String DEFAULT_CONFIG = "cinatra-default.yml";

  @Override
  public ConfigurationFactory<T> create(
      Class<T> klass, Validator validator, ObjectMapper objectMapper, String propertyPrefix) {
    // As Dropwizard's own factory does: a misspelt key is an error, not silently ignored.
    ObjectMapper strict =
        objectMapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    return new YamlConfigurationFactory<>(klass, validator, strict, propertyPrefix) {
      @Override
      public T build() throws IOException, ConfigurationException {
        return build(
            new SubstitutingSourceProvider(
                new ResourceConfigurationSourceProvider(),
                new EnvironmentVariableSubstitutor(false)),
            DEFAULT_CONFIG);
      }
    };
  }
}
