package ai.cinatra.adapters.http.page;

import static org.assertj.core.api.Assertions.assertThat;

import ai.cinatra.adapters.http.TestHttpApplication;
import ai.cinatra.domain.oauth.ServerAddress;
import io.dropwizard.core.Configuration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class HomeResourceIT {
  static final DropwizardAppExtension<Configuration> APP =
      TestHttpApplication.serving(new HomeResource(() -> new ServerAddress("https://x.example/")));

  @Test
  void home_namesTheCurrentMcpUrl_withAStrictPolicy() {
    Response response =
        APP.client().target("http://127.0.0.1:" + APP.getLocalPort() + "/").request().get();

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getHeaderString("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(response.readEntity(String.class))
        .contains("<code>https://x.example/api/mcp</code>")
        .contains("/connectors/cinatra-ai/mcp-client-registry-connector/setup");
  }
}
