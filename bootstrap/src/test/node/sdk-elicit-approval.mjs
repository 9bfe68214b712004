// The official MCP TypeScript SDK client, declaring elicitation, answers the approval example's
// question itself: the member starts approve-and-notify, waits for pending_approval, and calls
// agent_run_resume with no answer; the server asks through elicitation/create, the client's handler
// accepts with a changed amount and a note (first run) or declines (second run). Prints one JSON
// line with what the handler was asked and how each run ended.
//
// Usage: node sdk-elicit-approval.mjs <base-url> <password> <member>
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { connectSdkClient } from "./sdk-connect.mjs";

const [baseUrl, password, memberEmail] = process.argv.slice(2);
const asked = [];
let nextAnswer = null;
const { client } = await connectSdkClient(baseUrl, memberEmail, password, "sdk-elicit", {
  capabilities: { elicitation: {} },
  prepare: (c) =>
    c.setRequestHandler(ElicitRequestSchema, async (request) => {
      asked.push(request.params);
      return nextAnswer;
    }),
});

async function ok(name, args) {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) throw new Error(`${name}: ${result.content?.[0]?.text}`);
  return result.structuredContent;
}

async function until(runId, statuses) {
  for (let i = 0; i < 300; i++) {
    const run = await ok("agent_run_get", { runId });
    if (statuses.includes(run.status)) return run;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`run ${runId} never reached ${statuses}`);
}

async function runWith(answer, amount) {
  const started = await ok("agent_run", {
    agentId: "approve-and-notify",
    inputs: { recipient: "Ada", amount },
  });
  await until(started.runId, ["pending_approval"]);
  nextAnswer = answer;
  const resumed = await ok("agent_run_resume", { runId: started.runId });
  const final = await until(started.runId, ["completed", "failed", "stopped"]);
  return { runId: started.runId, resumedStatus: resumed.status, final };
}

const out = {};
out.accepted = await runWith(
  { action: "accept", content: { decision: "approve", amount: 7, note: "asked in the client" } },
  12,
);
out.declined = await runWith({ action: "decline" }, 30);
out.asked = asked;
console.log(JSON.stringify(out));
await client.close();
