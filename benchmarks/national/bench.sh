#!/usr/bin/env bash
# Times `redact pack` over the same national-sized log in SQLite and in PostgreSQL (issue 9:
# packs over the national log aggregate in SQL), and checks both give the same figures.
#
# Usage: benchmarks/national/bench.sh REDACT_BINARY SQLITE_LOG POSTGRES_URL
#   SQLITE_LOG    a log file, e.g. from `redact demo-log --seed 7 --scale 52 --out FILE`
#   POSTGRES_URL  the same log in PostgreSQL: `redact demo-log --seed 7 --scale 52 --out URL`
#                 (the same activity), or a copy of SQLITE_LOG (benchmarks/national/load-copy.sh)
# RUNS=3 runs per pack (default 3).
set -euo pipefail
bin=$1; sqlite=$2; pg=$3
runs=${RUNS:-3}
[ -x "$bin" ] || { echo "bench: no redact binary at $bin" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
label() { case $1 in postgres*) echo postgresql ;; *) echo sqlite ;; esac; }

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
packs=("national 2026-09|--national --period 2026-09"
       "national 2026-Q3|--national --period 2026-Q3"
       "national FY2025-26|--national --period FY2025-26"
       "national FY2026-27|--national --period FY2026-27"
       "area 2026-Q3|--area cps-london-north --period 2026-Q3"
       "area FY2026-27|--area cps-london-north --period FY2026-27")
for p in "${packs[@]}"; do
  name=${p%%|*}; args=${p#*|}
  for log in "$sqlite" "$pg"; do
    for run in $(seq "$runs"); do
      # shellcheck disable=SC2086
      /usr/bin/time -f "$(printf '%-18s %-10s' "$name" "$(label "$log")") run $run: %e s wall, %U s user, %S s sys" \
        "$bin" pack $args --log "$log" --format json --out "$out/$(label "$log").json" 2>&1 | grep ' wall'
    done
  done
  # The same figures from both: everything but when the pack was made and the log's identity.
  strip='del(.generated_at, .source.kind, .source.log_id, .source.head_hash, .source.checkpoint)'
  if diff <(jq -S "$strip" "$out/sqlite.json") <(jq -S "$strip" "$out/postgresql.json") >/dev/null; then
    echo "$(printf '%-18s' "$name") same figures from both sources"
  else
    echo "$(printf '%-18s' "$name") DIFFERENT FIGURES" >&2; exit 1
  fi
done
for log in "$sqlite" "$pg"; do
  echo "== one thread, each query's time: $(label "$log"), national FY2026-27 (REDACT_PACK_THREADS=1 REDACT_PACK_TIMINGS=1)" >&2
  REDACT_PACK_THREADS=1 REDACT_PACK_TIMINGS=1 "$bin" pack --national --period FY2026-27 --log "$log" --format json --out "$out/t.json"
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
