// Prints an access token for bench/mcp-calls.sh, obtained through the real OAuth flow
// (registration, PKCE, sign-in, consent, token). Run from bootstrap/target/node-client.
// Usage: node mcp-token.mjs <base-url> <email> <password>
import crypto from "node:crypto";
import { authorizeInBrowser } from "./browser.mjs";

const [baseUrl, email, password] = process.argv.slice(2);
const redirectUrl = "http://localhost:53682/oauth/callback";
const resource = new URL("/api/mcp", baseUrl).href;
const registered = await fetch(new URL("/oauth/register", baseUrl), {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ client_name: "bench", redirect_uris: [redirectUrl], token_endpoint_auth_method: "none" }),
});
const { client_id } = await registered.json();
const verifier = crypto.randomBytes(32).toString("base64url");
const authorize = new URL("/oauth/authorize", baseUrl);
authorize.search = new URLSearchParams({
  response_type: "code", client_id, redirect_uri: redirectUrl, scope: "mcp:connect", state: "bench",
  code_challenge: crypto.createHash("sha256").update(verifier).digest("base64url"),
  code_challenge_method: "S256", resource,
}).toString();
const { code } = await authorizeInBrowser(authorize, { baseUrl, email, password, redirectUrl });
const token = await fetch(new URL("/oauth/token", baseUrl), {
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({
    grant_type: "authorization_code", code, redirect_uri: redirectUrl, client_id, code_verifier: verifier, resource,
  }).toString(),
});
console.log((await token.json()).access_token);
