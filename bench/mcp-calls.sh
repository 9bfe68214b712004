#!/usr/bin/env bash
# The load run: tools/call whoami, tools/list, and agent_run_get on a run with 100 events, through
# the real jar with a real OAuth token, on H2 and on PostgreSQL, at 1 and 32 connections (wrk, every
# answer checked), one MCP session shared by all connections as a busy client shares it. Prints one
# line per measurement and the server's resident memory under the 32-connection whoami load.
# Usage: bench/mcp-calls.sh [h2|pg ...]   (default: h2 pg; build first: ./mvnw -q package -DskipTests)
# Warm-up: BENCH_WARM seconds (20) at 4 connections before measuring: 32 connections on a cold JVM
# keep both cores busy and starve the JIT compiler (see bench/README.md).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
PORT=${BENCH_PORT:-3910}
trap stop_cinatra EXIT
DATABASES=("${@:-h2 pg}")

for db in ${DATABASES[@]}; do
  start_cinatra "$db" "$PORT"
  mcp=$CINATRA_URL/api/mcp
  token=$(bench_client token "$CINATRA_URL" bench@example.org "$PASSWORD")
  session=$(bench_client session "$mcp" "$token")
  sample_run "$mcp" "$token" "$session"
  whoami=$(tool_call whoami '{}')
  list='{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}'
  get=$(tool_call agent_run_get "{\"runId\":\"$SAMPLE_RUN\"}")
  load "$mcp" "$token" "$session" "$whoami" structuredContent 4 "$WARM_SECONDS" >/dev/null
  load "$mcp" "$token" "$session" "$list" '"tools"' 4 5 >/dev/null
  load "$mcp" "$token" "$session" "$get" structuredContent 4 5 >/dev/null
  for call in whoami tools_list agent_run_get; do
    case $call in
      whoami) body=$whoami expect=structuredContent ;;
      tools_list) body=$list expect='"tools"' ;;
      agent_run_get) body=$get expect=structuredContent ;;
    esac
    for c in 1 32; do
      sampler=
      if [ "$call" = whoami ] && [ "$c" = 32 ]; then
        ( sleep $((MEASURE_SECONDS / 2)); rss_kib "$CINATRA_PID" > "$CINATRA_DIR/rss" ) &
        sampler=$!
      fi
      result=$(load "$mcp" "$token" "$session" "$body" "$expect" "$c" "$MEASURE_SECONDS")
      [ -n "$sampler" ] && wait "$sampler"
      extra=""
      [ "$call" = whoami ] && [ "$c" = 32 ] && extra=" rss_mib=$(( $(cat "$CINATRA_DIR/rss") / 1024 ))"
      [ "$call" = agent_run_get ] && extra=" run_events=$SAMPLE_EVENTS"
      echo "cinatra db=$db call=$call connections=$c ${result#RESULT }$extra"
    done
  done
  stop_cinatra
done
