#!/usr/bin/env bash
# Times `redact pack` over a log of about 10 million redaction rows (issue 5's target: a national
# pack in under 5 seconds). Builds the log with the seeded demo generator once and keeps it.
#
# Usage: benchmarks/pack/bench.sh [REDACT_BINARY] [LOG]
#   REDACT_BINARY  default .build/release/redact (build it with `swift build -c release`)
#   LOG            default /tmp/redact-pack-bench.sqlite (about 2.2 GB)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-"$here/.build/release/redact"}
log=${2:-/tmp/redact-pack-bench.sqlite}
[ -x "$bin" ] || { echo "bench: no redact binary at $bin" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if [ ! -f "$log" ]; then
  echo "== building the log: demo-log --seed 7 --scale 52 (about 4 minutes)" >&2
  /usr/bin/time -f "   %e s wall, %U s user, %S s sys" "$bin" demo-log --seed 7 --scale 52 --out "$log"
  echo "== first pack: adds the pack indexes to the log (once)" >&2
  /usr/bin/time -f "   %e s wall, %U s user, %S s sys" "$bin" pack --national --period 2026-Q3 --log "$log" --format json --out "$out/first.json"
fi
rows=$(sqlite3 -readonly "$log" "SELECT COUNT(*) FROM redaction" 2>/dev/null || echo "?")
echo "== $rows redaction rows; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

time_pack() {  # label, pack options...
  local label=$1; shift
  for run in 1 2 3; do
    /usr/bin/time -f "$label run $run: %e s wall, %U s user, %S s sys" \
      "$bin" pack "$@" --log "$log" --format html --out "$out/pack.html" 2>&1 | grep ' wall'
  done
}
time_pack "national 2026-09  " --national --period 2026-09
time_pack "national 2026-Q3  " --national --period 2026-Q3
time_pack "national FY2025-26" --national --period FY2025-26
time_pack "national FY2026-27" --national --period FY2026-27
time_pack "area     2026-Q3  " --area cps-london-north --period 2026-Q3
echo "== one thread, with each query's time (REDACT_PACK_THREADS=1 REDACT_PACK_TIMINGS=1)" >&2
REDACT_PACK_THREADS=1 REDACT_PACK_TIMINGS=1 "$bin" pack --national --period 2026-Q3 --log "$log" --format html --out "$out/pack.html"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
