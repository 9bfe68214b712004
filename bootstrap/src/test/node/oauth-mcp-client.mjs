// Connects the official MCP TypeScript SDK client to a Cinatra server from nothing: discovery from
// the 401, dynamic registration, the authorization code flow with PKCE (this script plays the
// person's browser: it follows the redirects and posts the sign-in and consent forms), the token
// exchange, then initialize, tools/list and tools/call whoami. Prints one JSON line with what it saw.
//
// Usage: node oauth-mcp-client.mjs <base-url> <email> <password>
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";

const [baseUrl, email, password] = process.argv.slice(2);
const redirectUrl = "http://localhost:53682/oauth/callback";

/** The person's browser: a cookie jar and manual redirects. */
class Browser {
  cookies = new Map();
  async request(url, options = {}) {
    const headers = { ...(options.headers ?? {}) };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    }
    const response = await fetch(url, { ...options, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
  static hiddenFields(html) {
    const fields = {};
    for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      fields[m[1]] = m[2].replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&lt;", "<")
        .replaceAll("&gt;", ">").replaceAll("&amp;", "&");
    }
    return fields;
  }
  postForm(url, fields) {
    return this.request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  }
}

/** Sign in and approve, as a person would; returns the authorization code from the final redirect. */
async function authorizeInBrowser(authorizationUrl) {
  const browser = new Browser();
  let response = await browser.request(authorizationUrl);
  let location = new URL(response.headers.get("location"), baseUrl);
  if (location.pathname === "/sign-in") {
    const form = await (await browser.request(location)).text();
    response = await browser.postForm(new URL("/sign-in", baseUrl), {
      ...Browser.hiddenFields(form), email, password,
    });
    location = new URL(response.headers.get("location"), baseUrl);
    response = await browser.request(location);
  }
  if (response.status === 200) {
    const consent = await response.text();
    response = await browser.postForm(new URL("/oauth/authorize", baseUrl), {
      ...Browser.hiddenFields(consent), decision: "approve",
    });
  }
  const back = new URL(response.headers.get("location"));
  if (!back.href.startsWith(redirectUrl)) throw new Error(`unexpected redirect ${back}`);
  if (back.searchParams.get("error")) throw new Error(`authorization failed: ${back.search}`);
  return { code: back.searchParams.get("code"), iss: back.searchParams.get("iss") };
}

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
    const { code, iss } = await authorizeInBrowser(url);
    pendingCode = code;
    saw.iss = iss;
  },
};

const mcpUrl = new URL("/api/mcp", baseUrl);
let transport = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
let client = new Client({ name: "cinatra-sdk-test", version: "1.0.0" });
try {
  await client.connect(transport);
} catch (e) {
  if (!(e instanceof UnauthorizedError) || !pendingCode) throw e;
  await transport.finishAuth(pendingCode);
  transport = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
  client = new Client({ name: "cinatra-sdk-test", version: "1.0.0" });
  await client.connect(transport);
}
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
