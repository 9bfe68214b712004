package ai.cinatra.domain.oauth;

import ai.cinatra.domain.error.InvalidValueException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where this server is reached: the OAuth issuer is the base URL and the MCP resource (the audience
 * of every access token) is the base URL with {@value #MCP_PATH}.
 */
public record ServerAddress(String baseUrl) {
  public static final String MCP_PATH = "/api/mcp";

  public ServerAddress {
    if (baseUrl == null) {
      throw new InvalidValueException("base URL is required");
    }
    while (baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
    try {
      URI uri = new URI(baseUrl);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null
          || uri.getRawUserInfo() != null) {
        throw new InvalidValueException(
            "base URL must be an absolute http(s) URL with a host and no query or fragment");
      }
    } catch (URISyntaxException e) {
      throw new InvalidValueException("base URL is not a valid URL: " + baseUrl);
    }
  }

  /** The issuer identifier, exactly as tokens carry it in {@code iss}. */
  public String issuer() {
    return baseUrl;
  }

  /** The protected resource, exactly as tokens carry it in {@code aud}. */
  public String mcpResource() {
    return baseUrl + MCP_PATH;
  }

  /**
   * Whether a {@code resource} parameter (RFC 8707) names this server's MCP resource; a trailing
   * slash is forgiven.
   */
  public boolean isMcpResource(String resource) {
    if (resource == null) {
      return false;
    }
    String normalised =
        resource.endsWith("/") ? resource.substring(0, resource.length() - 1) : resource;
    return normalised.equals(mcpResource()) || normalised.equals(baseUrl);
  }
}
