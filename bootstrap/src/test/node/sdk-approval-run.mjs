// The approval agent through the official MCP TypeScript SDK client, as a person's Claude would run
// it: agent_run, poll agent_run_get until it waits for approval, agent_run_resume, poll until it
// ends. Prints one JSON line: the run id, the statuses seen, the final run.
//
// Usage: node sdk-approval-run.mjs <base-url> <email> <password>
import { connectSdkClient } from "./sdk-connect.mjs";

const [baseUrl, email, password] = process.argv.slice(2);
const { client } = await connectSdkClient(baseUrl, email, password, "cinatra-sdk-run");

async function call(name, args) {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) throw new Error(`${name}: ${result.content?.[0]?.text}`);
  return result.structuredContent;
}

async function pollUntil(runId, statuses) {
  for (let i = 0; i < 200; i++) {
    const run = await call("agent_run_get", { runId });
    seen.add(run.status);
    if (statuses.includes(run.status)) return run;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`run ${runId} never reached ${statuses}`);
}

const seen = new Set();
const started = await call("agent_run", {
  agentId: "approve-and-notify",
  inputs: { recipient: "Ada", amount: 12 },
});
const paused = await pollUntil(started.runId, ["pending_approval"]);
await call("agent_run_resume", { runId: started.runId, approvalNote: "fine by me" });
const done = await pollUntil(started.runId, ["completed", "failed", "stopped"]);
console.log(JSON.stringify({
  runId: started.runId,
  statuses: [...seen],
  proposed: paused.pendingApproval?.proposed ?? null,
  final: { status: done.status, error: done.error ?? null, outputs: done.outputs ?? null },
}));
await client.close();
