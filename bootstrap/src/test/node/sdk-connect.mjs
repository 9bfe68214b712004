// Connects the official MCP TypeScript SDK client to a Cinatra server from nothing: discovery from
// the 401, dynamic registration, the authorization code flow with PKCE (this module plays the
// person's browser), the token exchange, then initialize. Shared by the SDK client scripts.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { authorizeInBrowser } from "./browser.mjs";

/**
 * Returns { client, transport, saw, store } once the client is connected and initialized.
 * `options.capabilities` are what the client declares; `options.prepare(client)` runs before it
 * connects (to set request handlers, such as one for elicitation).
 */
export async function connectSdkClient(
  baseUrl, email, password, clientName = "cinatra-sdk-test", options = {},
) {
  const redirectUrl = "http://localhost:53682/oauth/callback";
  const saw = { registered: null, authorizationUrl: null, iss: null };
  let pendingCode = null;
  const store = {};
  const provider = {
    get redirectUrl() { return redirectUrl; },
    get clientMetadata() {
      return {
        client_name: "Claude Code (SDK test)",
        redirect_uris: [redirectUrl],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        token_endpoint_auth_method: "none",
        scope: "mcp:connect offline_access",
      };
    },
    clientInformation: () => store.client,
    saveClientInformation: (info) => { store.client = info; saw.registered = info.client_id; },
    tokens: () => store.tokens,
    saveTokens: (tokens) => { store.tokens = tokens; },
    saveCodeVerifier: (v) => { store.verifier = v; },
    codeVerifier: () => store.verifier,
    redirectToAuthorization: async (url) => {
      saw.authorizationUrl = url.href;
      const { code, iss } = await authorizeInBrowser(url, { baseUrl, email, password, redirectUrl });
      pendingCode = code;
      saw.iss = iss;
    },
  };
  const mcpUrl = new URL("/api/mcp", baseUrl);
  let transport = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
  const newClient = () => {
    const made = new Client(
      { name: clientName, version: "1.0.0" },
      { capabilities: options.capabilities ?? {} },
    );
    options.prepare?.(made);
    return made;
  };
  let client = newClient();
  try {
    await client.connect(transport);
  } catch (e) {
    if (!(e instanceof UnauthorizedError) || !pendingCode) throw e;
    await transport.finishAuth(pendingCode);
    transport = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
    client = newClient();
    await client.connect(transport);
  }
  return { client, transport, saw, store };
}
