#!/usr/bin/env bash
# Cinatra beside the official SDKs in one run, measured alike (wrk, one shared session, a real RS256
# token checked on every request, every answer checked): tools/call whoami and tools/list at 1 and
# 32 connections against the jar (H2), the Java SDK peer (servlet transport on Jetty 12, jose4j
# filter) and the TypeScript SDK peer (Streamable HTTP, jose). Builds the peers under bench/peers/
# first. Prints one line per measurement, then Cinatra's ratio to each peer.
# Usage: bench/peers.sh   (build the jar first: ./mvnw -q package -DskipTests)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
need node nodejs
need mvn maven
PEERS=$BENCH_ROOT/bench/peers
PORT=${BENCH_PORT:-3930}
out=$(mktemp)
peer_pid=
cleanup() { stop_cinatra; [ -n "$peer_pid" ] && kill "$peer_pid" 2>/dev/null; rm -f "$out"; }
trap cleanup EXIT

(cd "$PEERS/java" && mvn -B -ntp -q dependency:copy-dependencies -DoutputDirectory=target/lib \
  && mkdir -p target/classes && javac -nowarn -cp "target/lib/*" -d target/classes src/main/java/Server.java)
(cd "$PEERS/ts" && npm install --no-audit --no-fund --silent >/dev/null)

whoami=$(tool_call whoami '{}')
list='{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}'

measure() { # measure NAME MCP_URL TOKEN
  local name=$1 mcp=$2 token=$3 session
  session=$(bench_client session "$mcp" "$token")
  load "$mcp" "$token" "$session" "$whoami" structuredContent 4 "$WARM_SECONDS" >/dev/null
  load "$mcp" "$token" "$session" "$list" '"tools"' 4 5 >/dev/null
  for call in whoami tools_list; do
    for c in 1 32; do
      if [ $call = whoami ]; then body=$whoami expect=structuredContent; else body=$list expect='"tools"'; fi
      result=$(load "$mcp" "$token" "$session" "$body" "$expect" "$c" "$MEASURE_SECONDS")
      echo "$name call=$call connections=$c ${result#RESULT }" | tee -a "$out"
    done
  done
}

start_cinatra h2 "$PORT"
measure cinatra "$CINATRA_URL/api/mcp" \
  "$(bench_client token "$CINATRA_URL" bench@example.org "$PASSWORD")"
stop_cinatra

start_peer() { # start_peer PORT COMMAND...
  local port=$1; shift
  rm -f "$PEERS/token"
  "$@" "$port" "$PEERS/token" >/dev/null 2>&1 &
  peer_pid=$!
  for _ in $(seq 1 300); do [ -s "$PEERS/token" ] && curl -s -o /dev/null "http://127.0.0.1:$port/mcp" && return 0; sleep 0.1; done
  echo "peer did not start: $*" >&2; return 1
}
start_peer $((PORT + 2)) java -Xmx256m -cp "$PEERS/java/target/classes:$PEERS/java/target/lib/*" Server
measure java-sdk "http://127.0.0.1:$((PORT + 2))/mcp" "$(cat "$PEERS/token")"
kill "$peer_pid"; wait "$peer_pid" 2>/dev/null || true; peer_pid=

start_peer $((PORT + 3)) node "$PEERS/ts/server.mjs"
measure ts-sdk "http://127.0.0.1:$((PORT + 3))/mcp" "$(cat "$PEERS/token")"
kill "$peer_pid"; wait "$peer_pid" 2>/dev/null || true; peer_pid=
rm -f "$PEERS/token"

echo "ratios (Cinatra requests/s divided by the peer's, same run):"
awk '{ split($0, f, " "); name = f[1];
       for (i = 2; i <= NF; i++) { split(f[i], kv, "="); v[kv[1]] = kv[2] }
       key = v["call"] " " v["connections"]; rps[name, key] = v["rps"]; keys[key] = 1 }
     END { for (k in keys) printf "  %s connections: %.2fx the Java SDK, %.2fx the TypeScript SDK\n",
             k, rps["cinatra", k] / rps["java-sdk", k], rps["cinatra", k] / rps["ts-sdk", k] }' "$out" | sort
