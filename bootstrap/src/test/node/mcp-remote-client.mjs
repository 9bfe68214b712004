// Runs mcp-remote (the stdio bridge Claude Code and Claude Desktop use) against a Cinatra server:
// it meets the 401, registers, and prints the authorization URL; this script plays the person
// (sign-in and consent), lets the browser land on mcp-remote's local callback, then speaks MCP over
// mcp-remote's stdin/stdout: initialize, tools/list, tools/call whoami. Prints one JSON line.
//
// Usage: node mcp-remote-client.mjs <base-url> <email> <password> <callback-port>
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { authorizeInBrowser, Browser } from "./browser.mjs";

const [baseUrl, email, password, callbackPort] = process.argv.slice(2);
const redirectUrl = `http://localhost:${callbackPort}/oauth/callback`;
const proxy = spawn(
  process.execPath,
  ["node_modules/mcp-remote/dist/proxy.js", `${baseUrl}/api/mcp`, callbackPort, "--allow-http"],
  {
    env: { ...process.env, MCP_REMOTE_CONFIG_DIR: mkdtempSync(join(tmpdir(), "mcp-remote-")), BROWSER: "none" },
    stdio: ["pipe", "pipe", "pipe"],
  },
);
const stderr = [];
const deadline = setTimeout(() => fail("timed out"), 90_000);
function fail(why) {
  console.error(`mcp-remote test failed: ${why}\n--- mcp-remote stderr ---\n${stderr.join("\n")}`);
  proxy.kill();
  process.exit(1);
}

const responses = new Map();
createInterface({ input: proxy.stdout }).on("line", (line) => {
  try {
    const message = JSON.parse(line);
    if (message.id !== undefined && responses.has(message.id)) responses.get(message.id)(message);
  } catch {
    // mcp-remote writes only JSON-RPC on stdout; anything else is ignored.
  }
});
function request(id, method, params) {
  return new Promise((resolve) => {
    responses.set(id, resolve);
    proxy.stdin.write(JSON.stringify({ jsonrpc: "2.0", id, method, params }) + "\n");
  });
}

let authorized = false;
createInterface({ input: proxy.stderr }).on("line", async (line) => {
  stderr.push(line);
  const found = line.match(/(https?:\/\/\S+\/oauth\/authorize\?\S+)/);
  if (found && !authorized) {
    authorized = true;
    try {
      const browser = new Browser();
      const { location } = await authorizeInBrowser(found[1], { baseUrl, email, password, redirectUrl });
      // The browser lands on mcp-remote's local callback server with the code.
      await browser.request(location);
    } catch (e) {
      fail(e.stack);
    }
  }
});

const init = await request(1, "initialize", {
  protocolVersion: "2025-06-18",
  capabilities: {},
  clientInfo: { name: "cinatra-mcp-remote-test", version: "1.0.0" },
});
if (init.error) fail(JSON.stringify(init.error));
proxy.stdin.write(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }) + "\n");
const tools = await request(2, "tools/list", {});
const whoami = await request(3, "tools/call", { name: "whoami", arguments: {} });
clearTimeout(deadline);
console.log(JSON.stringify({
  authorized,
  server: init.result?.serverInfo,
  tools: tools.result?.tools?.map((t) => t.name),
  whoami: whoami.result?.structuredContent,
}));
proxy.kill();
process.exit(0);
