package ai.cinatra.domain.oauth;

import ai.cinatra.domain.error.InvalidValueException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The public HTTPS address an operator gives the server (a tunnel or a proxy): an absolute {@code
 * https://} URL with a host and nothing after it but an optional trailing slash, which is dropped.
 * The MCP Server URL is then {@code <url>/api/mcp}.
 */
public record PublicBaseUrl(String value) {
  public static final int MAX_LENGTH = 500;

  public PublicBaseUrl {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException("enter the public URL, e.g. https://cinatra.example.com");
    }
    value = value.strip();
    if (value.length() > MAX_LENGTH) {
      throw new InvalidValueException("the public URL is at most " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new InvalidValueException("the public URL is not a URL: " + e.getReason());
    }
    if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https")) {
      throw new InvalidValueException(
          "the public URL must start with https:// (Claude connects only over HTTPS)");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new InvalidValueException(
          "the public URL needs a host, e.g. https://cinatra.example.com");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new InvalidValueException("the public URL may not have a query (?) or a fragment (#)");
    }
    if (uri.getRawUserInfo() != null) {
      throw new InvalidValueException("the public URL may not carry a user name or password");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!path.isEmpty() && !path.equals("/")) {
      throw new InvalidValueException(
          "the public URL may not have a path: serve Cinatra at the root of its host");
    }
    value =
        "https://"
            + uri.getHost().toLowerCase(Locale.ROOT)
            + (uri.getPort() == -1 || uri.getPort() == 443 ? "" : ":" + uri.getPort());
  }

  /** Where MCP clients connect. */
  public String mcpServerUrl() {
    return value + ServerAddress.MCP_PATH;
  }
}
