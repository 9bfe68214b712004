package ai.cinatra.application.port.in.oauth;

import ai.cinatra.domain.oauth.ServerAddress;

/** Where this server is reached right now: the issuer of its tokens and the MCP resource. */
public interface ServerAddressQuery {
  ServerAddress current();
}
