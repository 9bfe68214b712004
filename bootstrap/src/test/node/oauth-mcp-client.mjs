// Connects the official MCP TypeScript SDK client to a Cinatra server from nothing (see
// sdk-connect.mjs), then tools/list and tools/call whoami. Prints one JSON line with what it saw.
//
// Usage: node oauth-mcp-client.mjs <base-url> <email> <password>
import { connectSdkClient } from "./sdk-connect.mjs";

const [baseUrl, email, password] = process.argv.slice(2);
const { client, transport, saw, store } = await connectSdkClient(baseUrl, email, password);
const tools = await client.listTools();
const whoami = await client.callTool({ name: "whoami", arguments: {} });
console.log(JSON.stringify({
  ...saw,
  protocolVersion: transport.protocolVersion ?? null,
  server: client.getServerVersion(),
  tools: tools.tools.map((t) => t.name),
  whoami: whoami.structuredContent,
  hasRefreshToken: Boolean(store.tokens?.refresh_token),
}));
await client.close();
