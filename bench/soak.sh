#!/usr/bin/env bash
# A bounded soak on PostgreSQL: the jar under mixed load (bench/Soak.java: whoami, list writes, run
# starts polled with agent_run_get, a token refresh every 30 s, every answer checked) for DURATION
# seconds (default 600), sampling the server every 10 s: live heap after a GC, resident memory, open
# file descriptors, threads. Prints the samples and the first-third/last-third averages; exits
# non-zero when a call failed. Stops by itself.
# Usage: bench/soak.sh [seconds]   (build first: ./mvnw -q package -DskipTests; PostgreSQL on
# 127.0.0.1:5432, database test, user postgres, as the tests use it)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-600}
JAR=$PWD/bootstrap/target/cinatra.jar
PORT=${BENCH_PORT:-3920}
ADMIN=$((PORT + 1))
PG=${CINATRA_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}
[ -f "$JAR" ] || { echo "build the jar first: ./mvnw -q package -DskipTests" >&2; exit 1; }
schema=soak_$(date +%s)
psql -h 127.0.0.1 -U postgres -d test -qc "create schema $schema" >/dev/null
dir=$(mktemp -d)
export CINATRA_BASE_URL=http://127.0.0.1:$PORT
export CINATRA_DATABASE_URL="$PG?currentSchema=$schema"
export CINATRA_DATABASE_USER=postgres
export CINATRA_KEY_ENCRYPTION_KEY=q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=
cleanup() {
  if [ -n "${pid:-}" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  psql -h 127.0.0.1 -U postgres -d test -qc "drop schema $schema cascade" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
echo "a long enough password" | (cd "$dir" && java -jar "$JAR" account create --email soak@example.org --role member >/dev/null)
cat > "$dir/soak-agent.json" <<'JSON'
{"agentId": "soak", "name": "Soak", "description": "Two messages and an object write.",
 "inputSchema": {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]},
 "steps": [{"id": "hello", "kind": "message", "text": "run {{inputs.n}}"},
           {"id": "save", "kind": "objects_save", "typeHint": "soak", "data": {"n": "{{inputs.n}}"}},
           {"id": "bye", "kind": "message", "text": "done"}]}
JSON
(cd "$dir" && java -jar "$JAR" agent install soak-agent.json >/dev/null)
(cd "$dir" && exec java -Xmx512m -Ddw.server.applicationConnectors[0].port=$PORT \
    -Ddw.server.adminConnectors[0].port=$ADMIN -Ddw.logging.level=WARN -jar "$JAR" server >"$dir/server.log" 2>&1) &
pid=$!
for _ in $(seq 1 600); do curl -s -o /dev/null "http://127.0.0.1:$ADMIN/healthcheck" && break; sleep 0.1; done
classes=$dir/classes
javac -d "$classes" bench/lib/BenchClient.java bench/Soak.java
java -cp "$classes" Soak "$CINATRA_BASE_URL" soak@example.org "a long enough password" "$DURATION" &
load=$!
echo "seconds,live_heap_kib,rss_kib,open_fds,threads"
samples=$dir/samples.csv
start=$(date +%s)
while kill -0 $load 2>/dev/null; do
  sleep 10
  kill -0 $load 2>/dev/null || break
  jpid=$(pgrep -P "$pid" java || echo "$pid")
  jcmd "$jpid" GC.run >/dev/null 2>&1 || true
  heap=$(jcmd "$jpid" GC.heap_info 2>/dev/null | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
  rss=$(awk '/VmRSS/ {print $2}' /proc/"$jpid"/status)
  fds=$(ls /proc/"$jpid"/fd | wc -l)
  threads=$(ls /proc/"$jpid"/task | wc -l)
  line="$(( $(date +%s) - start )),$heap,$rss,$fds,$threads"
  echo "$line" | tee -a "$samples"
done
status=0
wait $load || status=$?
awk -F, '{ rows[NR] = $0 } END {
  third = int(NR / 3); if (third < 1) exit;
  for (i = 1; i <= third; i++) { split(rows[i], f, ","); h1 += f[2]; r1 += f[3]; d1 += f[4]; t1 += f[5] }
  for (i = NR - third + 1; i <= NR; i++) { split(rows[i], f, ","); h2 += f[2]; r2 += f[3]; d2 += f[4]; t2 += f[5] }
  printf "first third: live heap %d KiB, rss %d KiB, fds %.1f, threads %.1f\n", h1/third, r1/third, d1/third, t1/third
  printf "last third:  live heap %d KiB, rss %d KiB, fds %.1f, threads %.1f\n", h2/third, r2/third, d2/third, t2/third
}' "$samples"
exit $status
