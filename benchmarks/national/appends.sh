#!/usr/bin/env bash
# Appends per second to the national (PostgreSQL) log with 1, 4 and 16 concurrent writers.
# Each writer is a thread of LogBench with its own store and connection; each event is one
# disclosure with 20 redaction rows in its own transaction. A fresh database per run.
#
#   benchmarks/national/appends.sh [RUNS]        (default 3; uses scripts/pg-server.sh's server)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-3}"
URL=$(scripts/pg-server.sh start)           # postgres://redact:redact@127.0.0.1:54329/postgres
BASE="${URL%/postgres}"
(cd benchmarks/log && swift build -c release >/dev/null)
B=benchmarks/log/.build/release/LogBench
export PGPASSWORD=redact
echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq "$RUNS"); do
  for w in 1 4 16; do
    psql "$BASE/postgres" -qc "DROP DATABASE IF EXISTS bench_appends" -c "CREATE DATABASE bench_appends" 2>/dev/null
    $B writers "$BASE/bench_appends" "$w" $((4800 / w)) 20
  done
done
$B verify "$BASE/bench_appends"
