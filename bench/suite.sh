#!/usr/bin/env bash
# The whole benchmark suite, one command: start-up, the load run (H2 and PostgreSQL), the SDK peers
# in the same run, run-engine throughput, and agent_run_get on a full database. Prints every figure
# and keeps a copy in target/bench-<date>.txt. Takes about 15 minutes on two cores.
# Usage: bench/suite.sh   (build first: ./mvnw -q package -DskipTests; PostgreSQL on 127.0.0.1:5432)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
out=target/bench-$(date +%Y%m%d-%H%M).txt
{
  echo "# $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores"
  echo "## start-up"; bench/startup.sh 3
  echo "## load"; bench/mcp-calls.sh h2 pg
  echo "## peers"; bench/peers.sh
  echo "## runs"; bench/runs.sh 1000 h2 pg
  echo "## agent_run_get, full database"; bench/run-get-large.sh
} 2>&1 | tee "$out"
echo "saved in $out"
