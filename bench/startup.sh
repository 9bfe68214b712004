#!/usr/bin/env bash
# Measures how long `java -jar cinatra.jar server` takes until its port answers, on the embedded
# default (H2 under a fresh ./data each run, then a second start on the same data), then the same
# later start with a class-data archive made by a training run (README, "Faster start").
# Usage: bench/startup.sh [runs]   (build first: ./mvnw -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${BENCH_JAR:-$PWD/bootstrap/target/cinatra.jar}
RUNS=${1:-5}
PORT=${BENCH_PORT:-3900}
ADMIN=$((PORT + 1))
[ -f "$JAR" ] || { echo "build the jar first: ./mvnw -q package -DskipTests" >&2; exit 1; }

measure() { # $1 = work dir, then JVM options; prints milliseconds until /healthcheck answers
  local dir=$1 start end pid
  shift
  start=$(date +%s%N)
  (cd "$dir" && exec java "$@" -Ddw.server.applicationConnectors[0].port=$PORT \
      -Ddw.server.adminConnectors[0].port=$ADMIN -jar "$JAR" server >"$dir/server.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 600); do
    curl -s -o /dev/null "http://127.0.0.1:$ADMIN/healthcheck" && break
    sleep 0.02
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

first=(); second=(); shared=()
for i in $(seq 1 "$RUNS"); do
  dir=$(mktemp -d)
  first+=("$(measure "$dir")")
  second+=("$(measure "$dir")")
  (cd "$dir" && java -XX:ArchiveClassesAtExit="$dir/cinatra.jsa" -Dcinatra.exitAfterStart=true \
      -Ddw.server.applicationConnectors[0].port=$PORT -Ddw.server.adminConnectors[0].port=$ADMIN \
      -jar "$JAR" server >"$dir/training.log" 2>&1)
  shared+=("$(measure "$dir" -XX:SharedArchiveFile="$dir/cinatra.jsa")")
  rm -rf "$dir"
done
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "min %d ms, median %d ms, max %d ms (n=%d)", a[1], a[int((NR+1)/2)], a[NR], NR}'; }
echo "first start (new ./data, migrations, key generation): $(stats "${first[@]}")"
echo "later start (existing ./data):                        $(stats "${second[@]}")"
echo "later start with the class-data archive:              $(stats "${shared[@]}")"
