package ai.cinatra.application.port.out;

/**
 * Told when the set of tools changes for everyone (an agent installed, a connector configured), so
 * connected MCP clients can be told to list tools again.
 */
@FunctionalInterface
public interface CatalogChangeListener {
  void catalogChanged();

  /** For callers that have no one to tell (tests, one-off commands without streams). */
  CatalogChangeListener NONE = () -> {};
}
