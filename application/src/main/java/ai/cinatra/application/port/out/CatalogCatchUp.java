package ai.cinatra.application.port.out;

/**
 * Brings this node's copy of the catalog (agents, connectors) up to date with every change already
 * committed, so a client told its tools changed lists the new ones at once, whichever process made
 * the change.
 */
@FunctionalInterface
public interface CatalogCatchUp {
  void catchUp();

  /** For nodes that keep no copies (tests, one-off commands). */
  CatalogCatchUp NONE = () -> {};
}
