#!/usr/bin/env bash
# Run-engine throughput: 1,000 runs of a three-step agent (message, a webhook post to a local
# receiver, message; no approval) started through MCP, timed until all have completed, on H2 and on
# PostgreSQL; each run must have delivered exactly once.
# Usage: bench/runs.sh [count] [h2|pg ...]   (build first: ./mvnw -q package -DskipTests)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
COUNT=${1:-1000}
shift || true
PORT=${BENCH_PORT:-3940}
RECEIVER=$((PORT + 5))
classes=$(mktemp -d)
trap 'stop_cinatra; rm -rf "$classes"' EXIT
javac -d "$classes" "$BENCH_ROOT/bench/lib/BenchClient.java" "$BENCH_ROOT/bench/lib/RunsLoad.java"
# The receiver listens on 127.0.0.1, which connectors may reach only when an operator allows it.
export BENCH_JVM_OPTS="${BENCH_JVM_OPTS:-} -Ddw.connectors.allowedPrivateHosts=127.0.0.1"
for db in ${@:-h2 pg}; do
  start_cinatra "$db" "$PORT"
  cat > "$CINATRA_DIR/relay.json" <<'JSON'
{"agentId": "relay", "name": "Relay", "description": "Says hello, posts to the webhook, says bye.",
 "inputSchema": {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]},
 "steps": [{"id": "hello", "kind": "message", "text": "run {{inputs.n}}"},
           {"id": "notify", "kind": "connector", "connector": "webhook", "operation": "post",
            "arguments": {"n": "{{inputs.n}}"}},
           {"id": "bye", "kind": "message", "text": "done"}]}
JSON
  cinatra_cli agent install relay.json >/dev/null
  cinatra_cli connector webhook --url "http://127.0.0.1:$RECEIVER/hook" >/dev/null
  token=$(bench_client token "$CINATRA_URL" bench@example.org "$PASSWORD")
  result=$(java -cp "$classes" RunsLoad "$CINATRA_URL/api/mcp" "$token" "$COUNT" "$RECEIVER" "${BENCH_RUNS_WARM:-500}" 2>"$CINATRA_DIR/load.err" | tail -1) || { cat "$CINATRA_DIR/load.err" >&2; true; }
  echo "cinatra db=$db ${result#RESULT }"
  stop_cinatra
done
