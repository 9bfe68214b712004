#!/usr/bin/env bash
# agent_run_get on a full database: the jar on PostgreSQL with 100,000 runs and 1,000,000 events
# stored (written with SQL, all the bench account's), then agent_run_get of a run with about 100
# events at 1 and 32 connections, every answer checked.
# Usage: bench/run-get-large.sh [runs] [events per run]   (defaults 100000 10)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
RUNS=${1:-100000}
PER_RUN=${2:-10}
PORT=${BENCH_PORT:-3950}
trap stop_cinatra EXIT
start_cinatra pg "$PORT"
mcp=$CINATRA_URL/api/mcp
token=$(bench_client token "$CINATRA_URL" bench@example.org "$PASSWORD")
session=$(bench_client session "$mcp" "$token")
sample_run "$mcp" "$token" "$session"
psql -h 127.0.0.1 -U postgres -d test -q -v ON_ERROR_STOP=1 <<SQL
set search_path = $CINATRA_SCHEMA;
insert into runs (id, agent_id, started_by, status, position, inputs, outputs, stop_requested,
                  created_at, started_at, ended_at)
select gen_random_uuid(), 'hundred', (select id from accounts where email = 'bench@example.org'),
       'COMPLETED', 20, '{}', '{}', false, now() - g * interval '1 second', now(), now()
  from generate_series(1, $RUNS) g;
insert into run_events (run_id, id, type, data, at)
select r.id, e, 'STEP_FINISHED', '{"stepId":"s1"}', now()
  from runs r cross join generate_series(1, $PER_RUN) e
 where r.id <> '$SAMPLE_RUN';
analyze;
SQL
stored=$(psql -h 127.0.0.1 -U postgres -d test -tAc \
  "select (select count(*) from $CINATRA_SCHEMA.runs) || ' runs, ' || (select count(*) from $CINATRA_SCHEMA.run_events) || ' events'")
get=$(tool_call agent_run_get "{\"runId\":\"$SAMPLE_RUN\"}")
load "$mcp" "$token" "$session" "$get" structuredContent 4 "$WARM_SECONDS" >/dev/null
for c in 1 32; do
  result=$(load "$mcp" "$token" "$session" "$get" structuredContent "$c" "$MEASURE_SECONDS")
  echo "cinatra db=pg stored=\"$stored\" call=agent_run_get connections=$c ${result#RESULT } run_events=$SAMPLE_EVENTS"
done
