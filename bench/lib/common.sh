# Shared by the bench scripts: start the jar on H2 or PostgreSQL, get a real token and session, and
# measure with wrk (every answer checked by lib/mcp.lua). Source it; it defines functions only.
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAR=${BENCH_JAR:-$BENCH_ROOT/bootstrap/target/cinatra.jar}
PASSWORD="a long enough password"
WARM_SECONDS=${BENCH_WARM:-20}
MEASURE_SECONDS=${BENCH_SECONDS:-10}

need() { command -v "$1" >/dev/null || { echo "bench needs $1 (apt-get install $2)" >&2; exit 1; }; }
need wrk wrk
need psql postgresql-client
[ -f "$JAR" ] || { echo "build the jar first: ./mvnw -q package -DskipTests" >&2; exit 1; }

# start_cinatra DB PORT: starts the jar (DB = h2 | pg) with a bench account; sets CINATRA_PID,
# CINATRA_URL, CINATRA_DIR, CINATRA_SCHEMA. Extra JVM options in BENCH_JVM_OPTS.
start_cinatra() {
  local db=$1 port=$2
  CINATRA_DIR=$(mktemp -d)
  CINATRA_URL=http://127.0.0.1:$port
  CINATRA_SCHEMA=
  local env=(CINATRA_BASE_URL=$CINATRA_URL)
  if [ "$db" = pg ]; then
    CINATRA_SCHEMA=bench_$(date +%s%N | tail -c 9)
    psql -h 127.0.0.1 -U postgres -d test -qc "create schema $CINATRA_SCHEMA" >/dev/null
    env+=(CINATRA_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$CINATRA_SCHEMA"
          CINATRA_DATABASE_USER=postgres
          CINATRA_KEY_ENCRYPTION_KEY=q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=)
  fi
  echo "$PASSWORD" | (cd "$CINATRA_DIR" && env "${env[@]}" java -jar "$JAR" account create \
      --email bench@example.org --role member >/dev/null)
  (cd "$CINATRA_DIR" && exec env "${env[@]}" java -Xmx256m ${BENCH_JVM_OPTS:-} \
      -Ddw.server.applicationConnectors[0].port=$port \
      -Ddw.server.adminConnectors[0].port=$((port + 1)) -Ddw.logging.level=WARN \
      -jar "$JAR" server >"$CINATRA_DIR/server.log" 2>&1) &
  CINATRA_PID=$!
  CINATRA_ENV=("${env[@]}")
  for _ in $(seq 1 600); do
    curl -s -o /dev/null "http://127.0.0.1:$((port + 1))/healthcheck" && return 0
    sleep 0.05
  done
  echo "the jar did not start; see $CINATRA_DIR/server.log" >&2
  return 1
}

stop_cinatra() {
  [ -n "${CINATRA_PID:-}" ] && { kill "$CINATRA_PID" 2>/dev/null; wait "$CINATRA_PID" 2>/dev/null || true; }
  [ -n "${CINATRA_SCHEMA:-}" ] && psql -h 127.0.0.1 -U postgres -d test -qc \
      "drop schema $CINATRA_SCHEMA cascade" >/dev/null 2>&1
  [ -n "${CINATRA_DIR:-}" ] && rm -rf "$CINATRA_DIR"
  CINATRA_PID= CINATRA_SCHEMA= CINATRA_DIR=
}

# cinatra_cli ARGS...: a command of the jar against the running server's database.
cinatra_cli() { (cd "$CINATRA_DIR" && env "${CINATRA_ENV[@]}" java -jar "$JAR" "$@"); }

bench_client() { java "$BENCH_ROOT/bench/lib/BenchClient.java" "$@"; }

tool_call() { # tool_call NAME ARGUMENTS_JSON
  printf '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"%s","arguments":%s}}' "$1" "$2"
}

# load URL TOKEN SESSION BODY EXPECT CONNECTIONS SECONDS: one wrk run; prints its RESULT line.
load() {
  local threads=2
  [ "$6" -lt 2 ] && threads=1
  BENCH_TOKEN=$2 BENCH_SESSION=$3 BENCH_BODY=$4 BENCH_EXPECT=$5 \
    wrk -t$threads -c"$6" -d"$7"s -s "$BENCH_ROOT/bench/lib/mcp.lua" "$1" | grep '^RESULT'
}

# rss_kib PID: resident memory of the process (the JVM under a wrapper shell too).
rss_kib() { local p; p=$(pgrep -P "$1" java || echo "$1"); awk '/VmRSS/ {print $2}' /proc/"$p"/status; }

field() { sed -E "s/.* $1=([^ ]+).*/\1/"; }

# sample_run MCP_URL TOKEN SESSION: installs an agent of 20 message steps and runs it once through
# MCP; sets SAMPLE_RUN and SAMPLE_EVENTS (the events agent_run_get returns for it, about 100).
sample_run() {
  local steps="" i got
  for i in $(seq 1 20); do steps+="{\"id\":\"s$i\",\"kind\":\"message\",\"text\":\"step $i\"},"; done
  printf '{"agentId": "hundred", "name": "Hundred", "description": "20 messages, about 100 events.",
   "inputSchema": {"type": "object", "properties": {}}, "steps": [%s]}' "${steps%,}" > "$CINATRA_DIR/hundred.json"
  cinatra_cli agent install hundred.json >/dev/null
  SAMPLE_RUN=$(bench_client call "$1" "$2" "$3" agent_run '{"agentId":"hundred","inputs":{}}' \
      | grep -oE '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}' | head -1)
  for _ in $(seq 1 100); do
    got=$(bench_client call "$1" "$2" "$3" agent_run_get "{\"runId\":\"$SAMPLE_RUN\"}")
    echo "$got" | grep -qE '\\"status\\":\\"completed\\"|"status":"completed"' && break
    sleep 0.2
  done
  SAMPLE_EVENTS=$(echo "$got" | grep -oE '(RUN|STEP|TEXT_MESSAGE|TOOL_CALL)_[A-Z]+' | wc -l)
  SAMPLE_EVENTS=$((SAMPLE_EVENTS / 2)) # each event's type appears in the text and the structure
}
