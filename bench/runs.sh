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
  kill "$CINATRA_PID"; wait "$CINATRA_PID" 2>/dev/null || true
  # Restarted so that it reads the connector and may reach the local receiver.
  (cd "$CINATRA_DIR" && exec env "${CINATRA_ENV[@]}" java -Xmx512m \
      -Ddw.connectors.allowedPrivateHosts=127.0.0.1 \
      -Ddw.server.applicationConnectors[0].port=$PORT -Ddw.server.adminConnectors[0].port=$((PORT + 1)) \
      -Ddw.logging.level=WARN -jar "$JAR" server >"$CINATRA_DIR/server.log" 2>&1) &
  CINATRA_PID=$!
  for _ in $(seq 1 600); do curl -s -o /dev/null "http://127.0.0.1:$((PORT + 1))/healthcheck" && break; sleep 0.05; done
  token=$(bench_client token "$CINATRA_URL" bench@example.org "$PASSWORD")
  result=$(java -cp "$classes" RunsLoad "$CINATRA_URL/api/mcp" "$token" "$COUNT" "$RECEIVER" 2>&1 | tail -1)
  echo "cinatra db=$db ${result#RESULT }"
  stop_cinatra
done
