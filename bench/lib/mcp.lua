-- wrk script for the MCP benchmarks: POSTs the JSON-RPC body in $BENCH_BODY with the bearer token
-- and session of $BENCH_TOKEN / $BENCH_SESSION, and checks every answer: status 200 and the text
-- $BENCH_EXPECT in the body (and no "isError":true). Prints one machine-readable line at the end.
local body = os.getenv("BENCH_BODY")
local expect = os.getenv("BENCH_EXPECT")
local headers = {
  ["Content-Type"] = "application/json",
  ["Accept"] = "application/json, text/event-stream",
  ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"),
  ["MCP-Protocol-Version"] = "2025-11-25",
}
local session = os.getenv("BENCH_SESSION")
if session ~= nil and session ~= "" then headers["Mcp-Session-Id"] = session end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

bad = 0
function init(args)
  wrk.method = "POST"
  wrk.body = body
  for k, v in pairs(headers) do wrk.headers[k] = v end
end

function response(status, hdrs, resp)
  if status ~= 200 or resp == nil or not string.find(resp, expect, 1, true)
      or string.find(resp, '"isError":true', 1, true) then
    bad = bad + 1
    if bad == 1 then io.stderr:write("unexpected answer: " .. status .. " " .. tostring(resp) .. "\n") end
  end
end

function done(summary, latency, requests)
  local wrong = 0
  for _, t in ipairs(threads) do wrong = wrong + t:get("bad") end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout + wrong
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f requests=%d errors=%d\n",
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, summary.requests, errors))
end
