// The official MCP TypeScript SDK client (2025-11-25, tasks and elicitation) runs the approval
// example as a task: agent_run called through client.experimental.tasks.callToolStream returns a
// task, the client polls tasks/get, finds input_required, calls tasks/result, and answers the
// elicitation/create that arrives on that stream (tied to the task) by accepting with a changed
// amount; the stream then ends with the run's result. A second run, started as a task, is
// cancelled while it waits: tasks/cancel stops the run. Prints one JSON line of what it saw.
//
// Usage: node sdk-task-approval.mjs <base-url> <password> <member>
import { CallToolResultSchema, CreateTaskResultSchema, ElicitRequestSchema } from
  "@modelcontextprotocol/sdk/types.js";
import { connectSdkClient } from "./sdk-connect.mjs";

const [baseUrl, password, memberEmail] = process.argv.slice(2);
const out = { asked: [], statuses: [] };
const { client } = await connectSdkClient(baseUrl, memberEmail, password, "sdk-tasks", {
  capabilities: { elicitation: {} },
  prepare: (c) =>
    c.setRequestHandler(ElicitRequestSchema, async (request) => {
      out.asked.push(request.params);
      return { action: "accept", content: { decision: "approve", amount: 7, note: "answered as a task" } };
    }),
});
out.serverTasks = client.getServerCapabilities()?.tasks ?? null;

const stream = client.experimental.tasks.callToolStream(
  { name: "agent_run", arguments: { agentId: "approve-and-notify", inputs: { recipient: "Ada", amount: 12 } } },
  CallToolResultSchema,
  { task: { ttl: 600000 }, timeout: 120000 },
);
for await (const message of stream) {
  if (message.type === "taskCreated") out.created = message.task;
  if (message.type === "taskStatus") out.statuses.push(message.task.status);
  if (message.type === "result") out.result = message.result;
  if (message.type === "error") out.error = String(message.error);
}
out.afterwards = await client.experimental.tasks.getTask(out.created.taskId);

// The second run: started as a task, cancelled while it waits for approval.
const second = await client.request(
  {
    method: "tools/call",
    params: {
      name: "agent_run",
      arguments: { agentId: "approve-and-notify", inputs: { recipient: "Bo", amount: 30 } },
      task: { ttl: 600000 },
    },
  },
  CreateTaskResultSchema,
);
const taskId = second.task.taskId;
let waiting = null;
for (let i = 0; i < 300 && waiting?.status !== "input_required"; i++) {
  await new Promise((r) => setTimeout(r, 100));
  waiting = await client.experimental.tasks.getTask(taskId);
}
out.secondWaiting = waiting.status;
out.cancelled = await client.experimental.tasks.cancelTask(taskId);
out.secondAfter = await client.experimental.tasks.getTask(taskId);
try {
  await client.experimental.tasks.cancelTask(taskId);
  out.cancelAgain = "accepted";
} catch (e) {
  out.cancelAgain = String(e);
}
out.listed = (await client.experimental.tasks.listTasks()).tasks.map((t) => t.taskId);
console.log(JSON.stringify(out));
await client.close();
