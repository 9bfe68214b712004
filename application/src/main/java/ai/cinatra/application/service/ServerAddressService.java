package ai.cinatra.application.service;

import ai.cinatra.application.port.in.oauth.ServerAddressQuery;
import ai.cinatra.domain.oauth.ServerAddress;

/**
 * Answers with the configured base URL. The operator's public URL setting, stored in the database
 * so every node follows it, takes precedence once it exists (the operator issue).
 */
public final class ServerAddressService implements ServerAddressQuery {
  private final ServerAddress configured;

  public ServerAddressService(ServerAddress configured) {
    this.configured = configured;
  }

  @Override
  public ServerAddress current() {
    return configured;
  }
}
