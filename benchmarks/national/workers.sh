#!/usr/bin/env bash
# Bulk pre-screen throughput of `redact worker` (issue 9): one corpus submitted to the queue, then
# 1 or 2 worker processes with --exit-when-empty, timed from the first start to the last exit.
# Every job is logged as `check --log` logs it (queue and log in one throwaway database), and the
# log's and queue's size per row is read with pg_total_relation_size after each run.
#
# Usage: benchmarks/national/workers.sh            (results: benchmarks/national/runs/DATE/raw.csv)
#   SERVER=postgres://redact:redact@127.0.0.1:54329/postgres   the server (scripts/pg-server.sh start)
#   BIN=.build/release   RUNS=3   SKIP_BUILD=1   CASES="small small-nonames large"   CONFIGS="1x1 2x1 1x2 2x2"
# A config WxC is W worker processes with --concurrency C each.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
SERVER=${SERVER:-postgres://redact:redact@127.0.0.1:54329/postgres}
BIN=${BIN:-$root/.build/release}
RUNS=${RUNS:-3}
CASES=${CASES:-small small-nonames large}
CONFIGS=${CONFIGS:-1x1 2x1 1x2 2x2}
DATA=$root/benchmarks/data/national
OUT=${OUT:-$root/benchmarks/national/runs/$(date -u +%F)}
DB=redact_bench_workers
QUEUE=${SERVER%/*}/$DB
export REDACT_PATTERNS=$root/patterns/uk
mkdir -p "$OUT" "$DATA"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ -z "${SKIP_BUILD:-}" ]; then
  swift build -c release --product redact
  swift build -c release --product redact-corpus
fi

# small: 20,000 generated case documents (about 1.9 kB each) with their party lists beside them.
if [ ! -d "$DATA/small" ]; then
  "$BIN/redact-corpus" --seed 7 --docs 20000 --out "$DATA/small" --no-check
  mv "$DATA/small/truth.jsonl" "$DATA/small/decoys.jsonl" "$DATA"/ 2>/dev/null || true
fi
# large: 128 dense streams of 4 MiB (an identifier every ~300 bytes): 512 MiB.
if [ ! -d "$DATA/large" ]; then
  mkdir -p "$DATA/large" "$DATA/large-extra"
  for k in $(seq 1 128); do
    "$BIN/redact-corpus" --seed "$k" --size 4MiB --density dense --names 100 --out "$DATA/large/stream-$k.txt" > /dev/null
    mv "$DATA/large/stream-$k.parties.txt" "$DATA/large/stream-$k.expected.json" "$DATA/large-extra"/
  done
fi

# CPU seconds the PostgreSQL server has used (postmaster, its live children, its reaped
# children), when it runs on this machine: the server's share of the work. Other databases'
# clients on a shared server add to it.
PG_PIDFILE=${PG_PIDFILE:-/tmp/redact-pg/data/postmaster.pid}
server_cpu() {
  local pid
  pid=$(head -1 "$PG_PIDFILE" 2>/dev/null) || { echo 0; return; }
  { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pid/stat"
    for c in $(pgrep -P "$pid"); do awk '{ print $14 + $15 }' "/proc/$c/stat" 2>/dev/null || true; done
  } | awk -v hz="$(getconf CLK_TCK)" '{ s += $1 } END { printf "%.2f", s / hz }'
}

psql_admin() { psql "$SERVER" -qAtX -v ON_ERROR_STOP=1 "$@"; }
psql_db() { psql "$QUEUE" -qAtX -v ON_ERROR_STOP=1 "$@"; }

# What the log and the queue take on disk per row, after a run.
sizes() {
  psql_db -c "
    SELECT (SELECT count(*) FROM entry),
           (SELECT sum(pg_total_relation_size(t))::bigint FROM unnest(ARRAY['entry','breach_version','breach_category','breach_link']) t),
           (SELECT count(*) FROM queue_job),
           pg_total_relation_size('queue_job') + pg_total_relation_size('queue_batch'),
           pg_database_size(current_database())" | tr '|' ' '
}

[ -f "$OUT/raw.csv" ] || echo "case,workers,concurrency,run,jobs,bytes,wall_s,mb_per_s,jobs_per_s,worker_cpu_s,server_cpu_s,load_before,log_entries,log_bytes,queue_jobs,queue_bytes,db_bytes" > "$OUT/raw.csv"
# Cases: small (party lists beside the documents, read with --names-beside), small-nonames (the
# same documents, the bundled pack only), large.
for case in $CASES; do
  dir=${case%-nonames}
  submit_args=()
  worker_args=()
  [ "$dir" = small ] && submit_args=(--names-beside)
  [ "$case" = small ] && worker_args=(--names-beside)
  for config in $CONFIGS; do
    workers=${config%x*}
    conc=${config#*x}
    for run in $(seq "$RUNS"); do
      psql_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
      # A worker on the empty queue creates the log's and the queue's tables and exits: the
      # clock then starts on a standing national log, as production has.
      "$BIN/redact" worker --queue "$QUEUE" --log "$QUEUE" --area cps-wessex --operator bench --source dorset-police \
        --exit-when-empty > /dev/null 2>&1
      "$BIN/redact" submit --queue "$QUEUE" --batch bench "${submit_args[@]}" "$DATA/$dir" > /dev/null
      load=$(cut -d' ' -f1 /proc/loadavg)
      server_before=$(server_cpu)
      start=$(date +%s.%N)
      pids=()
      for w in $(seq "$workers"); do
        /usr/bin/time -f "%U %S" -o "$tmp/cpu-$w.txt" "$BIN/redact" worker --queue "$QUEUE" --log "$QUEUE" \
          --area cps-wessex --operator bench --source dorset-police --concurrency "$conc" --exit-when-empty \
          "${worker_args[@]}" > "$tmp/worker-$w.out" 2> "$tmp/worker-$w.err" &
        pids+=($!)
      done
      for p in "${pids[@]}"; do
        s=0; wait "$p" || s=$?
        [ "$s" -le 1 ] || { echo "bench: a worker exited $s" >&2; cat "$tmp"/worker-*.err >&2; exit 1; }
      done
      end=$(date +%s.%N)
      sleep 0.2   # the workers' server processes exit just after them
      server=$(echo "$(server_cpu) - $server_before" | bc -l)
      cpu=$(cat "$tmp"/cpu-*.txt | awk '{ s += $1 + $2 } END { printf "%.2f", s }')
      rm -f "$tmp"/cpu-*.txt
      status=$("$BIN/redact" jobs status --queue "$QUEUE" --batch bench --format json || true)
      read -r jobs bytes failed < <(python3 -c 'import json,sys; s=json.loads(sys.argv[1]); print(s["states"]["done"], s["bytes_done"], s["states"]["failed"])' "$status")
      [ "$failed" = 0 ] || { echo "bench: $failed jobs failed" >&2; exit 1; }
      read -r entries log_bytes qjobs qbytes dbbytes < <(sizes)
      wall=$(echo "$end - $start" | bc -l)
      row=$(printf "%s,%s,%s,%s,%s,%s,%.2f,%.1f,%.1f,%s,%.2f,%s,%s,%s,%s,%s,%s" "$case" "$workers" "$conc" "$run" "$jobs" "$bytes" "$wall" \
        "$(echo "$bytes / $wall / 1000000" | bc -l)" "$(echo "$jobs / $wall" | bc -l)" "$cpu" "$server" "$load" "$entries" "$log_bytes" "$qjobs" "$qbytes" "$dbbytes")
      echo "$row" | tee -a "$OUT/raw.csv"
    done
  done
done
# The size of a disclosure entry (20 redaction rows) in the same schema, for the estimate.
psql_db -f "$root/benchmarks/national/log-rows.sql" | tee "$OUT/log-rows.txt"
psql_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
