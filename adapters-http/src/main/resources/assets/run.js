// The run page, live: appends the run's AG-UI events from its SSE stream as they come and keeps the
// status current; when the run pauses for approval (or anything else changes what the page shows),
// it reloads so the server renders the Approve / Reject form.
(() => {
  const status = document.getElementById("status");
  if (!status || !window.EventSource) return;
  const runId = status.dataset.runId;
  const list = document.getElementById("events");
  const after = status.dataset.lastEventId || "0";
  const source = new EventSource(`/api/agents/runs/${encodeURIComponent(runId)}/stream?after=${encodeURIComponent(after)}`);
  const statusAfter = { RUN_STARTED: "running", RESUME: "running", INTERRUPT: "pending_approval", RUN_ERROR: "failed" };
  const types = ["RUN_STARTED", "STEP_STARTED", "STEP_FINISHED", "TEXT_MESSAGE_START", "TEXT_MESSAGE_CONTENT",
    "TEXT_MESSAGE_END", "TOOL_CALL_START", "TOOL_CALL_ARGS", "TOOL_CALL_END", "TOOL_CALL_RESULT",
    "STATE_SNAPSHOT", "INTERRUPT", "RESUME", "RUN_FINISHED", "RUN_ERROR"];
  const show = (message) => {
    const event = JSON.parse(message.data);
    if (list.querySelector(`li[data-event-id="${event.id}"]`)) return;
    const item = document.createElement("li");
    item.dataset.eventId = String(event.id);
    const code = document.createElement("code");
    code.textContent = event.type;
    const rest = Object.assign({}, event);
    delete rest.id; delete rest.type; delete rest.timestamp;
    const detail = document.createElement("span");
    detail.className = "note";
    detail.textContent = " " + JSON.stringify(rest);
    item.append(code, detail);
    list.append(item);
    const next = event.type === "RUN_FINISHED" ? rest.status : statusAfter[event.type];
    if (next) status.textContent = next;
    if (event.type === "INTERRUPT" || event.type === "RUN_ERROR") {
      source.close();
      setTimeout(() => window.location.reload(), 300);
    }
    if (event.type === "RUN_FINISHED") source.close();
  };
  types.forEach((type) => source.addEventListener(type, show));
  source.onmessage = show;
})();
