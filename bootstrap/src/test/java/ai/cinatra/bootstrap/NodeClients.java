package ai.cinatra.bootstrap;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The MCP client scripts under src/test/node and the pinned packages they run on (the official
 * TypeScript SDK, mcp-remote), installed once into target/node-client.
 */
final class NodeClients {
  static final Path SOURCES = Path.of("src", "test", "node").toAbsolutePath();
  static final Path FOLDER = Path.of("target", "node-client").toAbsolutePath();

  private NodeClients() {}

  /** Copies the scripts and runs npm ci when the packages are missing; returns the folder. */
  static Path install() throws Exception {
    NpmPackages.install(
        FOLDER,
        Stream.of(
                "package.json",
                "package-lock.json",
                "browser.mjs",
                "oauth-mcp-client.mjs",
                "sdk-connect.mjs",
                "sdk-run-scenario.mjs",
                "sdk-elicit-approval.mjs",
                "sdk-task-approval.mjs",
                "mcp-remote-client.mjs")
            .map(SOURCES::resolve)
            .toList(),
        List.of("node_modules/@modelcontextprotocol/sdk", "node_modules/mcp-remote"));
    return FOLDER;
  }
}
