#!/usr/bin/env bash
# tools/call throughput and latency through the real jar: H2 embedded default (or PostgreSQL when
# CINATRA_DATABASE_URL is set), a real OAuth token (RS256 JWT checked on every call, grant and
# account looked up), one MCP session per worker, tools/call whoami answered with JSON.
# Usage: bench/mcp-calls.sh [seconds] [workers...]   (build first: ./mvnw -q package -DskipTests,
# and run the tests once so bootstrap/target/node-client holds browser.mjs)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$PWD/bootstrap/target/cinatra.jar
NODE_DIR=$PWD/bootstrap/target/node-client
SECONDS_EACH=${1:-20}
shift || true
WORKERS=("${@:-1 8 32}")
PORT=${BENCH_PORT:-3910}
ADMIN=$((PORT + 1))
[ -f "$JAR" ] || { echo "build the jar first: ./mvnw -q package -DskipTests" >&2; exit 1; }
[ -f "$NODE_DIR/browser.mjs" ] || { echo "run the tests once (they fill $NODE_DIR)" >&2; exit 1; }
dir=$(mktemp -d)
export CINATRA_BASE_URL=http://127.0.0.1:$PORT
echo "a long enough password" | (cd "$dir" && java -jar "$JAR" account create --email bench@example.org --role member >/dev/null)
(cd "$dir" && exec java -Xmx512m ${BENCH_JVM_OPTS:-} -Ddw.server.applicationConnectors[0].port=$PORT \
    -Ddw.server.adminConnectors[0].port=$ADMIN \
    -Ddw.logging.level=WARN -jar "$JAR" server >"$dir/server.log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 600); do curl -s -o /dev/null "http://127.0.0.1:$ADMIN/healthcheck" && break; sleep 0.05; done
cp bench/mcp-token.mjs "$NODE_DIR/"
token=$(cd "$NODE_DIR" && node mcp-token.mjs "$CINATRA_BASE_URL" bench@example.org "a long enough password")
for w in ${WORKERS[@]}; do
  java bench/McpCalls.java "$CINATRA_BASE_URL/api/mcp" "$token" "$SECONDS_EACH" "$w"
done
