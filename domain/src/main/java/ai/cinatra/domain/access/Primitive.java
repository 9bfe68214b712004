package ai.cinatra.domain.access;

import ai.cinatra.domain.account.Role;

/** What an actor can ask for, each with the least role it needs. */
public enum Primitive {
  WHOAMI(Role.VIEWER),
  AGENTS_READ(Role.VIEWER),
  RUNS_START(Role.MEMBER),
  /** Reading, resuming, stopping and listing runs: one's own as a member, any as an admin. */
  RUNS_OWN(Role.MEMBER),
  OBJECTS_READ(Role.VIEWER),
  OBJECTS_WRITE(Role.MEMBER),
  LISTS_READ(Role.VIEWER),
  LISTS_WRITE(Role.MEMBER),
  CONNECTORS_READ(Role.VIEWER),
  CONNECTORS_CALL(Role.MEMBER),
  AGENTS_INSTALL(Role.ADMIN),
  CONNECTORS_CONFIGURE(Role.ADMIN),
  ACCOUNTS_ADMINISTER(Role.ADMIN),
  CLIENTS_ADMINISTER(Role.ADMIN),
  /** Seeing the connector page: the MCP Server URL and the connected clients. */
  CLIENTS_READ(Role.VIEWER),
  SETTINGS_READ(Role.VIEWER),
  SETTINGS_ADMINISTER(Role.ADMIN),
  AUDIT_READ(Role.ADMIN);

  private final Role requiredRole;

  Primitive(Role requiredRole) {
    this.requiredRole = requiredRole;
  }

  public Role requiredRole() {
    return requiredRole;
  }
}
