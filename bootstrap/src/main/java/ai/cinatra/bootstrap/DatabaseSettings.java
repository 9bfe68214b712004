package ai.cinatra.bootstrap;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.regex.Matcher;

/** Where the database is: an H2 file by default, PostgreSQL in production. */
public class DatabaseSettings {
  /**
   * The embedded default: a file under ./data, created on first start and kept across restarts.
   * WRITE_DELAY=0 puts every commit on disk before it returns: H2's default half-second delay lost
   * a resumed run's commit to a kill -9 in RunDurabilityIT.
   */
  public static final String EMBEDDED_URL =
      "jdbc:h2:file:./data/cinatra;MODE=PostgreSQL;AUTO_SERVER=TRUE;WRITE_DELAY=0";

  private static final java.util.regex.Pattern URL_PASSWORD =
      java.util.regex.Pattern.compile("(?i)(password=)[^&;]*");
  private static final java.util.regex.Pattern URL_USERINFO =
      java.util.regex.Pattern.compile("^(jdbc:[a-z0-9]+://)([^/@]*)@");

  @NotBlank
  @Pattern(
      regexp = "jdbc:(h2|postgresql):.*",
      message = "must be a jdbc:h2: or jdbc:postgresql: URL")
  private String url = EMBEDDED_URL;

  private String user = "sa";
  private String password = "";

  @Min(1)
  @Max(500)
  private int maxConnections = 16;

  @JsonProperty
  public String getUrl() {
    return url;
  }

  @JsonProperty
  public void setUrl(String url) {
    this.url = url;
  }

  @JsonProperty
  public String getUser() {
    return user;
  }

  @JsonProperty
  public void setUser(String user) {
    this.user = user;
  }

  @JsonProperty
  public void setPassword(String password) {
    this.password = password == null ? "" : password;
  }

  @JsonProperty
  public int getMaxConnections() {
    return maxConnections;
  }

  @JsonProperty
  public void setMaxConnections(int maxConnections) {
    this.maxConnections = maxConnections;
  }

  /** The URL fit for messages and logs: any password in it is replaced by ***. */
  public String redactedUrl() {
    return redact(url);
  }

  static String redact(String jdbcUrl) {
    if (jdbcUrl == null) {
      return null;
    }
    String withoutParameter = URL_PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
    Matcher userinfo = URL_USERINFO.matcher(withoutParameter);
    if (userinfo.find() && userinfo.group(2).contains(":")) {
      String user = userinfo.group(2).substring(0, userinfo.group(2).indexOf(':'));
      return userinfo.replaceFirst(Matcher.quoteReplacement(userinfo.group(1) + user + ":***@"));
    }
    return withoutParameter;
  }

  /** Dropwizard's pooled data source settings for this database. */
  public DataSourceFactory toDataSourceFactory() {
    DataSourceFactory factory = new DataSourceFactory();
    factory.setUrl(url);
    factory.setUser(user);
    factory.setPassword(password);
    factory.setDriverClass(url.startsWith("jdbc:h2:") ? "org.h2.Driver" : "org.postgresql.Driver");
    factory.setMinSize(0);
    // No connections at pool creation, so an unreachable database is reported once, by us.
    factory.setInitialSize(0);
    factory.setMaxSize(maxConnections);
    factory.setMaxWaitForConnection(Duration.seconds(5));
    factory.setCheckConnectionOnBorrow(true);
    factory.setValidationQueryTimeout(Duration.seconds(3));
    if (url.startsWith("jdbc:postgresql:")) {
      // Fail fast when the server is unreachable instead of hanging on the driver's defaults.
      factory.setProperties(
          Map.of("connectTimeout", "5", "socketTimeout", "60", "tcpKeepAlive", "true"));
    }
    return factory;
  }
}
