// Stands in front of a Cinatra server for the MCP conformance suite, which sends no Authorization
// header: signs in once through the real OAuth flow (registration, PKCE, sign-in, consent, token),
// then forwards every request with that bearer token added. Host and Origin pass through unchanged,
// so the suite's DNS-rebinding scenario tests the server's own checks. Streams pass through as they
// come (SSE). Prints {"port": N} once listening.
//
// Usage: node conformance-proxy.mjs <server-base-url> <email> <password>
import http from "node:http";
import crypto from "node:crypto";
import { authorizeInBrowser } from "./browser.mjs";

const [baseUrl, email, password] = process.argv.slice(2);
const redirectUrl = "http://localhost:53682/oauth/callback";

async function accessToken() {
  const registered = await fetch(new URL("/oauth/register", baseUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      client_name: "MCP conformance suite",
      redirect_uris: [redirectUrl],
      token_endpoint_auth_method: "none",
    }),
  });
  if (registered.status !== 201) throw new Error(`registration: ${registered.status}`);
  const { client_id } = await registered.json();
  const verifier = crypto.randomBytes(32).toString("base64url");
  const challenge = crypto.createHash("sha256").update(verifier).digest("base64url");
  const authorize = new URL("/oauth/authorize", baseUrl);
  authorize.search = new URLSearchParams({
    response_type: "code", client_id, redirect_uri: redirectUrl, scope: "mcp:connect",
    state: "conformance", code_challenge: challenge, code_challenge_method: "S256",
    resource: new URL("/api/mcp", baseUrl).href,
  }).toString();
  const { code } = await authorizeInBrowser(authorize, { baseUrl, email, password, redirectUrl });
  const token = await fetch(new URL("/oauth/token", baseUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code", code, redirect_uri: redirectUrl, client_id,
      code_verifier: verifier, resource: new URL("/api/mcp", baseUrl).href,
    }).toString(),
  });
  if (token.status !== 200) throw new Error(`token: ${token.status} ${await token.text()}`);
  return (await token.json()).access_token;
}

const bearer = await accessToken();
const target = new URL(baseUrl);
const server = http.createServer((request, response) => {
  const upstream = http.request(
    {
      hostname: target.hostname,
      port: target.port,
      path: request.url,
      method: request.method,
      headers: { ...request.headers, authorization: `Bearer ${bearer}` },
    },
    (answer) => {
      response.writeHead(answer.statusCode, answer.headers);
      answer.pipe(response);
    },
  );
  upstream.on("error", (e) => {
    response.writeHead(502, { "content-type": "text/plain" });
    response.end(`proxy: ${e.message}`);
  });
  response.on("close", () => upstream.destroy());
  request.pipe(upstream);
});
server.listen(0, "127.0.0.1", () => {
  console.log(JSON.stringify({ port: server.address().port }));
});
