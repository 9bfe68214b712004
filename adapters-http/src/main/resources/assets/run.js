// The run page, live: the run's AG-UI events on its SSE stream say that something happened; the
// page then asks /agents/status/{runId}/events for the new events in words (worded by the server,
// as on the first render) and appends them, keeping the status current. When the run pauses for
// approval or fails, it reloads so the server renders the Approve / Reject form or the error.
(() => {
  const status = document.getElementById("status");
  if (!status || !window.EventSource) return;
  const runId = encodeURIComponent(status.dataset.runId);
  const list = document.getElementById("events");
  let shown = Number(status.dataset.lastEventId || "0");
  const source = new EventSource(`/api/agents/runs/${runId}/stream?after=${shown}`);
  const types = ["RUN_STARTED", "STEP_STARTED", "STEP_FINISHED", "TEXT_MESSAGE_START", "TEXT_MESSAGE_CONTENT",
    "TEXT_MESSAGE_END", "TOOL_CALL_START", "TOOL_CALL_ARGS", "TOOL_CALL_END", "TOOL_CALL_RESULT",
    "STATE_SNAPSHOT", "INTERRUPT", "RESUME", "RUN_FINISHED", "RUN_ERROR"];
  let fetching = Promise.resolve();
  const append = (event) => {
    if (event.id <= shown) return;
    shown = event.id;
    const item = document.createElement("li");
    item.dataset.eventId = String(event.id);
    const text = document.createElement("span");
    text.className = "event-text";
    text.textContent = event.text;
    const type = document.createElement("code");
    type.className = "note";
    type.textContent = event.type;
    item.append(text, " ", type);
    list.append(item);
  };
  const catchUp = () => fetch(`/agents/status/${runId}/events?after=${shown}`, { headers: { Accept: "application/json" } })
    .then((response) => (response.ok ? response.json() : { events: [] }))
    .then((page) => {
      page.events.forEach(append);
      if (page.status) status.textContent = page.status;
    });
  const show = (message) => {
    const event = JSON.parse(message.data);
    if (event.type === "RUN_FINISHED") source.close();
    fetching = fetching.then(catchUp).then(() => {
      if (event.type === "INTERRUPT" || event.type === "RUN_ERROR") {
        source.close();
        setTimeout(() => window.location.reload(), 300);
      }
    }).catch(() => {});
  };
  types.forEach((type) => source.addEventListener(type, show));
  source.onmessage = show;
})();
