package ai.cinatra.bootstrap;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** Everything an operator can configure; every default is the embedded, local one. */
public class CinatraConfiguration extends Configuration {
  public static final int DEFAULT_PORT = 3000;
  public static final int DEFAULT_ADMIN_PORT = 3001;

  /** Empty: derived from the application port, so setting only the port never names another. */
  @NotNull
  @Pattern(
      regexp = "(https?://[^/?#\\s]+(/[^?#\\s]*)?)?",
      message = "must be empty or an absolute http(s) URL without query or fragment")
  private String baseUrl = "";

  @Valid @NotNull private DatabaseSettings database = new DatabaseSettings();

  @Valid @NotNull private OAuthSettings oauth = new OAuthSettings();

  @Valid @NotNull private McpSettings mcp = new McpSettings();

  @Valid @NotNull private RunSettings runs = new RunSettings();

  @Valid @NotNull private ConnectorSettings connectors = new ConnectorSettings();

  @JsonProperty
  public ConnectorSettings getConnectors() {
    return connectors;
  }

  @JsonProperty
  public void setConnectors(ConnectorSettings connectors) {
    this.connectors = connectors;
  }

  public CinatraConfiguration() {
    // Loopback only unless the operator says otherwise: nothing is exposed by accident.
    DefaultServerFactory server = new DefaultServerFactory();
    server.setApplicationConnectors(List.of(loopback(DEFAULT_PORT)));
    server.setAdminConnectors(List.of(loopback(DEFAULT_ADMIN_PORT)));
    setServerFactory(server);
  }

  private static HttpConnectorFactory loopback(int port) {
    HttpConnectorFactory connector = new HttpConnectorFactory();
    connector.setBindHost("127.0.0.1");
    connector.setPort(port);
    return connector;
  }

  /**
   * The configured base URL without a trailing slash; when none is configured, {@code
   * http://localhost:<application port>}.
   */
  @JsonProperty
  public String getBaseUrl() {
    if (baseUrl.isBlank()) {
      return "http://localhost:" + applicationPort();
    }
    return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** Whether the base URL was derived from the port rather than configured. */
  public boolean baseUrlDerived() {
    return baseUrl.isBlank();
  }

  /** The first application connector's bind host; all interfaces when none is set. */
  public String applicationBindHost() {
    return firstApplicationConnector().map(HttpConnectorFactory::getBindHost).orElse("0.0.0.0");
  }

  /**
   * The first application connector's port (the default when the server is not the default one).
   */
  public int applicationPort() {
    return firstApplicationConnector().map(HttpConnectorFactory::getPort).orElse(DEFAULT_PORT);
  }

  private java.util.Optional<HttpConnectorFactory> firstApplicationConnector() {
    if (getServerFactory() instanceof DefaultServerFactory server
        && !server.getApplicationConnectors().isEmpty()
        && server.getApplicationConnectors().get(0) instanceof HttpConnectorFactory http) {
      return java.util.Optional.of(http);
    }
    return java.util.Optional.empty();
  }

  @JsonProperty
  public void setBaseUrl(String baseUrl) {
    // `baseUrl: ${CINATRA_BASE_URL:-}` with the variable unset is YAML's null: the same as empty.
    this.baseUrl = baseUrl == null ? "" : baseUrl.strip();
  }

  @JsonProperty
  public DatabaseSettings getDatabase() {
    return database;
  }

  @JsonProperty
  public void setDatabase(DatabaseSettings database) {
    this.database = database;
  }

  @JsonProperty
  public OAuthSettings getOauth() {
    return oauth;
  }

  @JsonProperty
  public void setOauth(OAuthSettings oauth) {
    this.oauth = oauth;
  }

  @JsonProperty
  public McpSettings getMcp() {
    return mcp;
  }

  @JsonProperty
  public void setMcp(McpSettings mcp) {
    this.mcp = mcp;
  }

  @JsonProperty
  public RunSettings getRuns() {
    return runs;
  }

  @JsonProperty
  public void setRuns(RunSettings runs) {
    this.runs = runs;
  }
}
