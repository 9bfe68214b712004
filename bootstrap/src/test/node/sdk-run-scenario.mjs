// Issue 5's end-to-end scenario through the official MCP TypeScript SDK client, as four people's
// Claude would run it. The test driving this script kills and restarts the server when the script
// says so on stdout ({"waitingFor": ...}) and answers "go" on stdin.
//
//   1. member: agent_run (the approval example) → poll → pending_approval; waits while the test
//      swaps in a node without workers; agent_run_resume; waits while that node is killed (-9) and
//      one with workers started; polls the run to its end.
//   2. viewer: reads (objects_list, agent_list); every write is refused; the member's run is
//      "not found".
//   3. another member: sees only their own runs; the first member's run is "not found".
//   4. admin: sees every run.
//   5. member: objects_save works; the admin demotes them to viewer (accounts_role_update); the
//      member's very next objects_save is refused and objects_save has left tools/list.
// Prints one JSON line with what each saw.
//
// Usage: node sdk-run-scenario.mjs <base-url> <password> <member> <viewer> <other> <admin>
import { createInterface } from "node:readline";
import { connectSdkClient } from "./sdk-connect.mjs";

const [baseUrl, password, memberEmail, viewerEmail, otherEmail, adminEmail] = process.argv.slice(2);
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

async function waitFor(what, details = {}) {
  console.log(JSON.stringify({ waitingFor: what, ...details }));
  const { value } = await lines.next();
  if (value?.trim() !== "go") throw new Error(`expected go after ${what}, got ${value}`);
}

async function connect(email) {
  const { client } = await connectSdkClient(baseUrl, email, password, `sdk-${email}`);
  return {
    client,
    async raw(name, args) {
      return client.callTool({ name, arguments: args });
    },
    async ok(name, args) {
      const result = await client.callTool({ name, arguments: args });
      if (result.isError) throw new Error(`${email} ${name}: ${result.content?.[0]?.text}`);
      return result.structuredContent;
    },
    async refused(name, args) {
      const result = await client.callTool({ name, arguments: args });
      if (!result.isError) throw new Error(`${email} ${name} was not refused`);
      return result.content?.[0]?.text;
    },
    async toolNames() {
      return (await client.listTools()).tools.map((t) => t.name);
    },
  };
}

async function pollUntil(who, runId, statuses, seen) {
  for (let i = 0; i < 300; i++) {
    let run;
    try {
      run = await who.ok("agent_run_get", { runId });
    } catch (e) {
      // The server is coming back after the kill; try again shortly.
      seen.add(`retry: ${e.message.slice(0, 60)}`);
      await new Promise((r) => setTimeout(r, 300));
      continue;
    }
    seen.add(run.status);
    if (statuses.includes(run.status)) return run;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`run ${runId} never reached ${statuses}`);
}

const out = {};
const member = await connect(memberEmail);

// 1. The approval example, with a kill -9 and a restart between the approval and the call.
const seen = new Set();
const started = await member.ok("agent_run", {
  agentId: "approve-and-notify",
  inputs: { recipient: "Ada", amount: 12 },
});
out.runId = started.runId;
out.startedStatus = started.status;
const paused = await pollUntil(member, started.runId, ["pending_approval"], seen);
out.proposed = paused.pendingApproval?.proposed ?? null;
out.interrupted = paused.events.some((e) => e.type === "INTERRUPT");
// The test puts a node without workers in front of us: the approval is stored, nothing executes.
await waitFor("approval-node", { runId: started.runId });
const resumed = await member.ok("agent_run_resume", { runId: started.runId, approvalNote: "fine by me" });
out.resumedStatus = resumed.status;
out.notResumable = await member.refused("agent_run_resume", { runId: started.runId }).catch((e) => `accepted: ${e.message}`);
// The test kills that node (-9) and starts one with workers: the run continues from the approval.
await waitFor("kill", { runId: started.runId });
const done = await pollUntil(member, started.runId, ["completed", "failed", "stopped"], seen);
out.statuses = [...seen].filter((s) => !s.startsWith("retry"));
out.final = { status: done.status, error: done.error ?? null, outputs: done.outputs ?? null };

// 2. A viewer reads, and every write is refused.
const viewer = await connect(viewerEmail);
out.viewer = {
  objects: (await viewer.ok("objects_list", { type: "payout" })).objects?.length ?? null,
  agents: (await viewer.ok("agent_list", {})).agents.map((a) => a.agentId),
  refusedSave: await viewer.refused("objects_save", { rawData: { name: "x" } }),
  refusedRun: await viewer.refused("agent_run", { agentId: "approve-and-notify", inputs: { recipient: "V", amount: 1 } }),
  refusedListCreate: await viewer.refused("lists_create", { name: "viewer list" }),
  othersRun: await viewer.refused("agent_run_get", { runId: started.runId }),
  tools: await viewer.toolNames(),
};

// 3. Another member sees only their own runs.
const other = await connect(otherEmail);
const otherRun = await other.ok("agent_run", { agentId: "approve-and-notify", inputs: { recipient: "Bo", amount: 3 } });
out.other = {
  runId: otherRun.runId,
  listed: (await other.ok("agent_run_list", {})).runs.map((r) => r.runId),
  othersRun: await other.refused("agent_run_get", { runId: started.runId }),
};

// 4. An admin sees every run.
const admin = await connect(adminEmail);
out.admin = {
  listed: (await admin.ok("agent_run_list", {})).runs.map((r) => r.runId),
  memberRun: (await admin.ok("agent_run_get", { runId: started.runId })).status,
};

// 5. A demotion takes effect on the member's very next call.
out.beforeDemotion = (await member.ok("objects_save", { rawData: { name: "before" }, typeHint: "note" })).isNew;
const memberId = (await member.ok("whoami", {})).accountId;
await admin.ok("accounts_role_update", { accountId: memberId, role: "viewer" });
out.afterDemotion = await member.refused("objects_save", { rawData: { name: "after" }, typeHint: "note" });
out.toolsAfterDemotion = await member.toolNames();

console.log(JSON.stringify(out));
for (const c of [member, viewer, other, admin]) await c.client.close();
process.exit(0);
