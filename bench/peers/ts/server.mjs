// Benchmark peer: the official MCP TypeScript SDK server over Streamable HTTP with sessions, an
// RS256 JWT checked with jose on every request, one tool (whoami). Writes a token it accepts to
// the given file. Usage: node server.mjs PORT TOKEN_FILE
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import http from "node:http";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import { SignJWT, generateKeyPair, jwtVerify } from "jose";

const [port, tokenFile] = [Number(process.argv[2]), process.argv[3]];
const issuer = `http://127.0.0.1:${port}`;
const audience = `${issuer}/mcp`;
const { publicKey, privateKey } = await generateKeyPair("RS256");
const token = await new SignJWT({ client_id: "bench" })
  .setProtectedHeader({ alg: "RS256", typ: "at+jwt", kid: "peer" })
  .setIssuer(issuer).setAudience(audience).setSubject("bench")
  .setIssuedAt().setExpirationTime("4h").setJti(randomUUID())
  .sign(privateKey);
writeFileSync(tokenFile, token);

const transports = new Map();

function newServer() {
  const server = new McpServer({ name: "ts-sdk-peer", version: "1" });
  server.registerTool("whoami", { description: "The account this client acts as." }, async () => ({
    content: [{ type: "text", text: "You are bench (member) through client bench." }],
    structuredContent: { accountId: "bench", role: "member", clientId: "bench" },
  }));
  return server;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

http.createServer(async (req, res) => {
  try {
    const header = req.headers.authorization ?? "";
    if (!header.startsWith("Bearer ")) throw new Error("no token");
    await jwtVerify(header.slice(7), publicKey, { issuer, audience, algorithms: ["RS256"] });
  } catch {
    res.writeHead(401).end();
    return;
  }
  const body = req.method === "POST" ? JSON.parse(await readBody(req)) : undefined;
  const sessionId = req.headers["mcp-session-id"];
  let transport = sessionId ? transports.get(sessionId) : undefined;
  if (!transport) {
    if (!(req.method === "POST" && isInitializeRequest(body))) {
      res.writeHead(404).end();
      return;
    }
    transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      enableJsonResponse: true,
      onsessioninitialized: (id) => transports.set(id, transport),
    });
    await newServer().connect(transport);
  }
  await transport.handleRequest(req, res, body);
}).listen(port, "127.0.0.1", () => console.log(`ts-sdk-peer listening on ${port}`));
