#!/usr/bin/env bash
# Load test of `redact serve` on loopback: CONNECTIONS concurrent clients (default 50) post a
# 100 KB document to /v1/redact for DURATION (default 30s) with wrk (Debian's package), while the
# server's RSS is sampled from /proc every second. Fails when any request errs or does not
# answer 200 within TIMEOUT (default 10s; wrk's own default is 2s), or when memory is not flat
# (RSS at the end more than 25% above RSS after warm-up).
# Writes benchmarks/serve/results-DATE.md (figures) and rss-DATE.tsv (samples).
#
#   benchmarks/serve/load.sh                 # builds release first
#   REDACT_BIN=.build/debug/redact DURATION=10s benchmarks/serve/load.sh
#
# Only loopback is ever targeted; the run is bounded by DURATION and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
DOC_BYTES=${DOC_BYTES:-102400}
TIMEOUT=${TIMEOUT:-10s}
OUT=${OUT:-benchmarks/serve}

command -v wrk >/dev/null || { echo "load.sh: wrk is missing: apt-get install -y wrk" >&2; exit 2; }
if [[ -z "${REDACT_BIN:-}" ]]; then
  swift build -c release --product redact >&2
  REDACT_BIN=.build/release/redact
fi

work=$(mktemp -d)
server=""
cleanup() {
  if [[ -n "$server" ]] && kill -0 "$server" 2>/dev/null; then kill -TERM "$server"; wait "$server" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A 100 KB document from the synthetic sample (statements and case notes; no real data).
: > "$work/doc.txt"
for f in corpus/sample/*.txt; do
  case "$f" in *.parties.txt) continue ;; esac
  cat "$f" >> "$work/doc.txt"
  [[ $(stat -c %s "$work/doc.txt") -ge $DOC_BYTES ]] && break
done
head -c "$DOC_BYTES" "$work/doc.txt" > "$work/body.txt"

export REDACT_PATTERNS="$ROOT/patterns/uk"
token=$("$REDACT_BIN" token create --role operator --area cps-wessex --name load-op --log "$work/log.sqlite" | tail -n 1 | awk '{print $NF}')

"$REDACT_BIN" serve --port 0 --log "$work/log.sqlite" > "$work/serve.out" 2> "$work/serve.err" &
server=$!
for _ in $(seq 1 300); do
  grep -q "listening on" "$work/serve.out" 2>/dev/null && break
  sleep 0.1
done
port=$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/serve.out" | head -n 1)
[[ -n "$port" ]] || { echo "load.sh: the server did not start" >&2; cat "$work/serve.err" >&2; exit 1; }
url="http://127.0.0.1:$port/v1/redact?recipient=defence&case=LOAD-1&filename=load.txt"

rss() { awk '/^VmRSS:/ {print $2}' "/proc/$server/status"; }

# Warm-up: 5 seconds at the same concurrency, then the measured run.
LOAD_BODY="$work/body.txt" LOAD_TOKEN="$token" wrk -t "$THREADS" -c "$CONNECTIONS" -d 5s --timeout "$TIMEOUT" -s benchmarks/serve/post.lua "$url" > "$work/warmup.txt"
rss_start=$(rss)
stamp=$(date -u +%Y-%m-%d)
rss_file="$OUT/rss-$stamp.tsv"
echo -e "second\trss_kib" > "$rss_file"
(
  i=0
  while kill -0 "$server" 2>/dev/null; do
    echo -e "$i\t$(rss)" >> "$rss_file"
    i=$((i + 1))
    sleep 1
  done
) &
sampler=$!
LOAD_BODY="$work/body.txt" LOAD_TOKEN="$token" wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --timeout "$TIMEOUT" --latency -s benchmarks/serve/post.lua "$url" | tee "$work/wrk.txt"
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
rss_end=$(rss)
rss_max=$(awk 'NR > 1 && $2 > m {m = $2} END {print m}' "$rss_file")

line=$(grep '^RESULT' "$work/wrk.txt")
get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< " ${line#RESULT}"; }
requests=$(get requests); rps=$(get rps); p50=$(get p50_ms); p99=$(get p99_ms)
errors=$(( $(get connect_errors) + $(get read_errors) + $(get write_errors) + $(get status_errors) + $(get timeouts) ))
non2xx=$(sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$work/wrk.txt"); non2xx=${non2xx:-0}
logged=$("$REDACT_BIN" log verify --log "$work/log.sqlite" 2>&1 | tail -n 1 || true)

kill -TERM "$server"; if wait "$server"; then status=0; else status=$?; fi; server=""

growth=$(awk -v a="$rss_start" -v b="$rss_end" 'BEGIN {printf "%.1f", (b - a) * 100 / a}')
flat=$(awk -v g="$growth" 'BEGIN {print (g <= 25) ? "yes" : "no"}')
{
  echo "# redact serve load run, $stamp"
  echo
  echo "$CONNECTIONS connections, $THREADS wrk threads, $DURATION (after a 5 s warm-up), timeout $TIMEOUT, POST /v1/redact with a $(stat -c %s "$work/body.txt")-byte"
  echo "plain-text document from corpus/sample (recipient defence, label style; every request logs a disclosure"
  echo "to SQLite, one JSON log line per request to a file). Server: \`$REDACT_BIN serve\`, loopback. Machine: $(nproc) cores,"
  echo "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), shared with other builds at the time (figures are indicative)."
  echo
  echo "| requests | req/s | p50 ms | p99 ms | errors | non-2xx | RSS after warm-up | RSS at end | RSS max | growth |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  echo "| $requests | $rps | $p50 | $p99 | $errors | $non2xx | $((rss_start / 1024)) MiB | $((rss_end / 1024)) MiB | $((rss_max / 1024)) MiB | $growth% |"
  echo
  echo "Log after the run (\`redact log verify\`): $logged. Server log lines: $(wc -l < "$work/serve.err"). Server exit status after SIGTERM: $status."
  echo
  echo '```'
  cat "$work/wrk.txt"
  echo '```'
} > "$OUT/results-$stamp.md"
cat "$OUT/results-$stamp.md"

[[ "$errors" -eq 0 && "$non2xx" -eq 0 ]] || { echo "load.sh: FAILED: $errors errors, $non2xx non-2xx answers" >&2; exit 1; }
[[ "$flat" == yes ]] || { echo "load.sh: FAILED: RSS grew $growth% (more than 25%)" >&2; exit 1; }
[[ "$status" -eq 0 ]] || { echo "load.sh: FAILED: the server exited $status after SIGTERM" >&2; exit 1; }
echo "load.sh: ok"
