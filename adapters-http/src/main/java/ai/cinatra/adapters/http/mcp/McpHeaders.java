package ai.cinatra.adapters.http.mcp;

/**
 * The request headers the MCP endpoint reads beyond authentication: the protocol version, the
 * session (revisions up to 2025-11-25), what the client accepts, and the method and name that
 * 2026-07-28 mirrors from the body. Any may be null when the client did not send it.
 */
record McpHeaders(
    String protocolVersion, String sessionId, String accept, String method, String name) {}
