package ai.cinatra.application.port.in.oauth;

import ai.cinatra.domain.access.Actor;
import java.util.Optional;

/**
 * The public HTTPS URL an operator sets (a tunnel or a proxy), stored in the database so every node
 * follows it: the issuer, the discovery documents and the audience of new tokens.
 */
public interface PublicUrlUseCase {

  /** The public URL if set, the MCP Server URL clients use now, and the configured base URL. */
  record PublicUrl(Optional<String> publicBaseUrl, String mcpServerUrl, String configuredBaseUrl) {}

  PublicUrl publicUrl(Actor actor);

  /**
   * Sets it (admins); tokens issued for the previous address are refused from now on, so clients
   * connected before must reconnect.
   *
   * @throws ai.cinatra.domain.error.InvalidValueException saying why the URL is not acceptable
   */
  PublicUrl setPublicUrl(Actor actor, String url);
}
