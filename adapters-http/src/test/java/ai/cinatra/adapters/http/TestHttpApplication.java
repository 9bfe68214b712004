package ai.cinatra.adapters.http;

import ai.cinatra.adapters.http.error.ApplicationExceptionMapper;
import ai.cinatra.adapters.http.error.InvalidValueExceptionMapper;
import ai.cinatra.adapters.http.oauth.OAuthExceptionMapper;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.views.common.ViewBundle;
import io.dropwizard.views.freemarker.FreemarkerViewRenderer;
import java.util.List;

/** A bare Dropwizard application serving the resources a test hands it, over real HTTP. */
public final class TestHttpApplication extends Application<Configuration> {
  private final List<Object> resources;

  private TestHttpApplication(List<Object> resources) {
    this.resources = resources;
  }

  /**
   * An extension that starts the resources, with this adapter's mappers, on free loopback ports.
   */
  public static DropwizardAppExtension<Configuration> serving(Object... resources) {
    return new DropwizardAppExtension<>(
        new DropwizardTestSupport<>(
            TestHttpApplication.class,
            (String) null,
            ConfigOverride.config("server.applicationConnectors[0].port", "0"),
            ConfigOverride.config("server.applicationConnectors[0].bindHost", "127.0.0.1"),
            ConfigOverride.config("server.adminConnectors[0].port", "0"),
            ConfigOverride.config("server.adminConnectors[0].bindHost", "127.0.0.1")) {
          @Override
          public Application<Configuration> newApplication() {
            return new TestHttpApplication(List.of(resources));
          }
        });
  }

  @Override
  public void initialize(Bootstrap<Configuration> bootstrap) {
    // The pages' FreeMarker views, as the real application renders them.
    bootstrap.addBundle(
        new ViewBundle<>(
            List.of(new FreemarkerViewRenderer(freemarker.template.Configuration.VERSION_2_3_34))));
  }

  @Override
  public void run(Configuration configuration, Environment environment) {
    environment.jersey().register(new ApplicationExceptionMapper());
    environment.jersey().register(new InvalidValueExceptionMapper());
    environment.jersey().register(new OAuthExceptionMapper());
    resources.forEach(environment.jersey()::register);
  }
}
