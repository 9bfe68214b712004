package ai.cinatra.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.jetty.HttpConnectorFactory;
import org.junit.jupiter.api.Test;

/** With no configuration file, the server runs on the embedded, loopback-only defaults. */
class ConfigurationDefaultsTest {

  @Test
  void bundledDefault_isLoopbackPorts3000And3001_onAnH2FileUnderData() throws Exception {
    CinatraConfiguration configuration =
        new BundledDefaultConfigurationFactoryFactory<CinatraConfiguration>()
            .create(
                CinatraConfiguration.class,
                Validators.newValidator(),
                Jackson.newObjectMapper(),
                "dw-unused")
            .build();

    DefaultServerFactory server = (DefaultServerFactory) configuration.getServerFactory();
    HttpConnectorFactory app = (HttpConnectorFactory) server.getApplicationConnectors().get(0);
    HttpConnectorFactory admin = (HttpConnectorFactory) server.getAdminConnectors().get(0);
    assertThat(app.getBindHost()).isEqualTo("127.0.0.1");
    assertThat(app.getPort()).isEqualTo(3000);
    assertThat(admin.getBindHost()).isEqualTo("127.0.0.1");
    assertThat(admin.getPort()).isEqualTo(3001);
    assertThat(configuration.getDatabase().getUrl()).startsWith("jdbc:h2:file:./data/cinatra;");
    assertThat(configuration.getBaseUrl()).isEqualTo("http://localhost:3000");
    assertThat(configuration.baseUrlDerived()).as("derived from the port").isTrue();
  }

  @Test
  void javaDefaults_matchTheBundledFile_soAConfigWithoutServerIsStillLoopback() {
    CinatraConfiguration configuration = new CinatraConfiguration();

    DefaultServerFactory server = (DefaultServerFactory) configuration.getServerFactory();
    HttpConnectorFactory app = (HttpConnectorFactory) server.getApplicationConnectors().get(0);
    assertThat(app.getBindHost()).isEqualTo("127.0.0.1");
    assertThat(app.getPort()).isEqualTo(3000);
    assertThat(configuration.getDatabase().getUrl()).isEqualTo(DatabaseSettings.EMBEDDED_URL);
  }
}
