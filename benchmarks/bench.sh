#!/usr/bin/env bash
# Throughput, scaling and memory of `redact scan` on generated corpora, with a raw baseline,
# in one dated run. Every run's finding count is checked against definitions/scan.json (and
# against the previous run of the same configuration): a wrong count fails the script.
#
#   benchmarks/bench.sh                 # everything (about 10-15 minutes on 2 cores)
#   RUNS=5 benchmarks/bench.sh          # more runs per configuration (median reported)
#   SKIP_INPROCESS=1 SKIP_RSS=1 ...     # leave out the package-benchmark or the 4 GiB runs
#
# What it does (see README.md for the figures of the last run):
#  1. builds `redact` and `redact-corpus` in release (root package, scratch path .build-bench);
#  2. generates the corpora in data/ (git-ignored) if missing: dense and sparse, 256 MiB each,
#     with a 10,000-name party list, plus the 10,000-name dictionary;
#  3. baselines `cat FILE > /dev/null` and `wc -l FILE`; startup cost (empty input);
#  4. one core (`taskset -c 1`, `--jobs 1`): dense, sparse, each with and without --names;
#  5. all cores (`--jobs N`, no taskset): dense and sparse;
#  6. peak RSS (/usr/bin/time %M) scanning 4 GiB from standard input (a 256 MiB corpus 16 times);
#  7. the in-process engine benchmarks (package-benchmark, mallocs per MB);
#  8. writes runs/YYYY-MM-DD-<machine>/{raw.csv,summary.md,SETUP.md,...}.
#
# Times are from /usr/bin/time: CPU = %U + %S, wall = %e, RSS = %M. MB = 10^6 bytes.
# The machine is shared: prefer CPU-time figures; wall-clock figures are recorded beside them.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
SCRATCH=${REDACT_BENCH_SCRATCH:-$ROOT/.build-bench}
DATA=${REDACT_BENCH_DATA:-$HERE/data}
RUNS=${RUNS:-3}
STDIN_COPIES=${STDIN_COPIES:-16}
CORE=${CORE:-1}
JOBS_ALL=$(nproc)
DATE=$(date -u +%F)
MACHINE=${MACHINE:-$(lscpu | sed -n 's/^Model name: *//p' | head -1 | tr 'A-Z' 'a-z' | tr -cs 'a-z0-9' '-' | sed 's/-$//')-${JOBS_ALL}cpu}
OUT=${OUT:-$HERE/runs/$DATE-$MACHINE}
DEFS=$HERE/definitions/scan.json
export REDACT_PATTERNS=${REDACT_PATTERNS:-$ROOT/patterns/uk}
export REDACT_BENCH_DATA=$DATA

die() { echo "bench.sh: $*" >&2; exit 1; }
log() { echo "== $*" >&2; }

command -v /usr/bin/time >/dev/null 2>&1 || { log "installing time"; apt-get install -y time >/dev/null; }
command -v taskset >/dev/null || die "taskset (util-linux) is required"
command -v python3 >/dev/null || die "python3 is required (definitions and summary)"

mkdir -p "$OUT" "$DATA"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
RAW=$OUT/raw.csv
echo "kind,config,run,bytes,findings,expected,wall_s,user_s,sys_s,cpu_s,max_rss_kib,mb_s_cpu,mb_s_wall,load1_before,command" > "$RAW"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# The commit the binaries are built from (other developers commit while a run goes on).
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$( [ -n "$(git -C "$ROOT" status --porcelain -- Sources patterns corpus Package.swift 2>/dev/null)" ] && echo " + uncommitted changes under Sources/, patterns/ or corpus/" || true)

# ---- 1. build ---------------------------------------------------------------------------
# Tuned to this CPU when it has AVX2, as run-sample.sh builds (REDACT_PORTABLE=1: baseline x86-64),
# the Swift runtime linked in (scripts/link-flags.sh; REDACT_DYNAMIC=1: shared).
read -ra CPU_FLAGS <<< "$("$ROOT/scripts/build-flags.sh")"
read -ra LINK_FLAGS <<< "$("$ROOT/scripts/link-flags.sh")"
if [ -z "${SKIP_BUILD:-}" ]; then
    log "building redact and redact-corpus (release, $SCRATCH${CPU_FLAGS:+, ${CPU_FLAGS[*]}}${LINK_FLAGS:+, ${LINK_FLAGS[*]}})"
    for product in redact redact-corpus; do
        (cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH" --product "$product" "${CPU_FLAGS[@]}" "${LINK_FLAGS[@]}") > "$TMP/build.log" 2>&1 \
            || { tail -40 "$TMP/build.log" >&2; die "release build of $product failed"; }
    done
fi
BIN=$SCRATCH/release
REDACT=$BIN/redact
CORPUS=$BIN/redact-corpus
[ -x "$REDACT" ] && [ -x "$CORPUS" ] || die "no release build in $BIN"

# ---- 2. corpora -------------------------------------------------------------------------
defs() { python3 -c "import json,sys; d=json.load(open('$DEFS')); print(eval(sys.argv[1]))" "$1"; }
for c in dense sparse; do
    file=$DATA/$(defs "d['corpora']['$c']['file']")
    want=$(defs "d['corpora']['$c']['bytes']")
    args=$(defs "'--seed %(seed)s --size %(size)s --density %(density)s --names %(names)s' % d['corpora']['$c']")
    if [ ! -f "$file" ] || [ "$(stat -c %s "$file")" != "$want" ]; then
        log "generating $file ($args)"
        # shellcheck disable=SC2086
        "$CORPUS" $args --out "$file" >&2
    fi
    [ "$(stat -c %s "$file")" = "$want" ] || die "$file is not $want bytes: the generator changed; re-pin definitions/scan.json"
    planted=$(python3 -c "import json; print(json.load(open('${file%.txt}.expected.json'))['planted'])")
    [ "$planted" = "$(defs "d['corpora']['$c']['planted']")" ] || die "$file: planted $planted differs from definitions/scan.json"
done
NAMES=$DATA/$(defs "d['names']['file']")
if [ ! -f "$NAMES" ]; then
    log "generating $NAMES"
    "$CORPUS" --seed "$(defs "d['names']['seed']")" --names "$(defs "d['names']['count']")" --out "$NAMES" >&2
fi
[ "$(wc -l < "$NAMES")" = "$(defs "d['names']['count']")" ] || die "$NAMES does not hold $(defs "d['names']['count']") names"
DENSE=$DATA/$(defs "d['corpora']['dense']['file']")
SPARSE=$DATA/$(defs "d['corpora']['sparse']['file']")
# The corpora's own party lists are the same dictionary (same seed): the names in the text are in it.
cmp -s "$NAMES" "${DENSE%.txt}.parties.txt" || log "note: $NAMES differs from the dense corpus's party list"
: > "$TMP/empty.txt"

# ---- helpers ----------------------------------------------------------------------------
# record KIND CONFIG RUN BYTES FINDINGS EXPECTED COMMAND: appends one row from $TMP/time.
record() {
    local kind=$1 config=$2 run=$3 bytes=$4 findings=$5 expected=$6 cmd=$7
    read -r wall user sys rss < "$TMP/time"
    python3 - "$kind" "$config" "$run" "$bytes" "$findings" "$expected" "$wall" "$user" "$sys" "$rss" "$LOAD1" "$cmd" >> "$RAW" <<'EOF'
import csv, sys
kind, config, run, nbytes, findings, expected, wall, user, sys_, rss, load1, cmd = sys.argv[1:]
cpu = float(user) + float(sys_)
nb = int(nbytes)
mbs = lambda t: "%.1f" % (nb / 1e6 / t) if t > 0 and nb > 0 else ""
csv.writer(sys.stdout, lineterminator="\n").writerow(
    [kind, config, run, nbytes, findings, expected, wall, user, sys_, "%.2f" % cpu, rss, mbs(cpu), mbs(float(wall)), load1, cmd])
EOF
    printf '   %-28s run %s: %6ss wall %6ss cpu  %s findings  rss %s KiB\n' "$config" "$run" "$wall" \
        "$(python3 -c "print('%.2f' % ($user + $sys))")" "${findings:--}" "$rss" >&2
}

findings_of() { sed -n 's/.*"total":true.*"findings":\([0-9]*\).*/\1/p' "$1" | tail -1; }

# check CONFIG FOUND EXPECTED: the count must equal the pinned one and the previous run's.
declare -A PREVIOUS
LOAD1=
check() {
    local config=$1 found=$2 expected=$3
    [ -n "$found" ] || die "$config: no total line in the output"
    [ "$found" = "$expected" ] || die "$config: $found findings, expected $expected (definitions/scan.json)"
    if [ -n "${PREVIOUS[$config]:-}" ] && [ "${PREVIOUS[$config]}" != "$found" ]; then
        die "$config: $found findings, the previous run found ${PREVIOUS[$config]}"
    fi
    PREVIOUS[$config]=$found
}

# scan KIND CONFIG BYTES EXPECTED PIN ARGS...: RUNS runs of `redact scan --summary --format jsonl`.
scan() {
    local kind=$1 config=$2 bytes=$3 expected=$4 pin=$5; shift 5
    local prefix=()
    [ "$pin" = pin ] && prefix=(taskset -c "$CORE")
    for run in $(seq 1 "$RUNS"); do
        LOAD1=$(cut -d' ' -f1 /proc/loadavg)
        /usr/bin/time -f '%e %U %S %M' -o "$TMP/time" "${prefix[@]}" "$REDACT" scan --summary --format jsonl "$@" > "$TMP/out"
        local found
        found=$(findings_of "$TMP/out")
        [ "$kind" = startup ] || check "$config" "$found" "$expected"
        record "$kind" "$config" "$run" "$bytes" "$found" "$expected" "${prefix[*]} redact scan --summary --format jsonl $*"
    done
    cp "$TMP/out" "$OUT/summary-$config.jsonl"
}

expected_of() { defs "[b['findings'] for b in d['benchmarks'] if b['name']=='$1'][0]"; }
DENSE_BYTES=$(stat -c %s "$DENSE"); SPARSE_BYTES=$(stat -c %s "$SPARSE")

# ---- 3. baselines and startup -----------------------------------------------------------
log "baselines (page cache warm, taskset -c $CORE)"
cat "$DENSE" "$SPARSE" > /dev/null
for c in dense sparse; do
    f=$DATA/$c.txt; bytes=$(stat -c %s "$f")
    for run in $(seq 1 "$RUNS"); do
        LOAD1=$(cut -d' ' -f1 /proc/loadavg)
        /usr/bin/time -f '%e %U %S %M' -o "$TMP/time" taskset -c "$CORE" cat "$f" > /dev/null
        record baseline "cat-$c" "$run" "$bytes" "" "" "taskset -c $CORE cat $c.txt > /dev/null"
    done
    for run in $(seq 1 "$RUNS"); do
        LOAD1=$(cut -d' ' -f1 /proc/loadavg)
        /usr/bin/time -f '%e %U %S %M' -o "$TMP/time" taskset -c "$CORE" wc -l "$f" > /dev/null
        record baseline "wc-l-$c" "$run" "$bytes" "" "" "taskset -c $CORE wc -l $c.txt"
    done
done
log "startup (empty input)"
scan startup startup 0 0 pin --jobs 1 "$TMP/empty.txt"
scan startup startup+names10k 0 0 pin --jobs 1 --names "$NAMES" "$TMP/empty.txt"

# ---- 4. one core ------------------------------------------------------------------------
log "one core (taskset -c $CORE, --jobs 1)"
scan one-core dense "$DENSE_BYTES" "$(expected_of dense)" pin --jobs 1 "$DENSE"
scan one-core sparse "$SPARSE_BYTES" "$(expected_of sparse)" pin --jobs 1 "$SPARSE"
scan one-core dense+names10k "$DENSE_BYTES" "$(expected_of dense+names10k)" pin --jobs 1 --names "$NAMES" "$DENSE"
scan one-core sparse+names10k "$SPARSE_BYTES" "$(expected_of sparse+names10k)" pin --jobs 1 --names "$NAMES" "$SPARSE"

# ---- 5. all cores -----------------------------------------------------------------------
log "all cores (--jobs $JOBS_ALL, no taskset)"
scan all-cores "dense-jobs$JOBS_ALL" "$DENSE_BYTES" "$(expected_of dense)" nopin --jobs "$JOBS_ALL" "$DENSE"
scan all-cores "sparse-jobs$JOBS_ALL" "$SPARSE_BYTES" "$(expected_of sparse)" nopin --jobs "$JOBS_ALL" "$SPARSE"

# ---- 6. peak RSS on a 4 GiB stream from standard input ----------------------------------
if [ -z "${SKIP_RSS:-}" ]; then
    for c in sparse dense; do
        f=$DATA/$c.txt; bytes=$(( $(stat -c %s "$f") * STDIN_COPIES ))
        expected=$(( $(expected_of "$c") * STDIN_COPIES ))
        log "peak RSS: $c corpus x $STDIN_COPIES on standard input ($((bytes >> 20)) MiB)"
        LOAD1=$(cut -d' ' -f1 /proc/loadavg)
        for _ in $(seq 1 "$STDIN_COPIES"); do cat "$f"; done \
            | /usr/bin/time -f '%e %U %S %M' -o "$TMP/time" taskset -c "$CORE" "$REDACT" scan --summary --format jsonl --jobs 1 - > "$TMP/out"
        found=$(findings_of "$TMP/out")
        check "stdin-4GiB-$c" "$found" "$expected"
        record stdin-rss "stdin-4GiB-$c" 1 "$bytes" "$found" "$expected" \
            "for i in \$(seq $STDIN_COPIES); do cat $c.txt; done | taskset -c $CORE redact scan --summary --format jsonl --jobs 1 -"
    done
fi

# ---- 7. in-process engine benchmarks (package-benchmark) --------------------------------
if [ -z "${SKIP_INPROCESS:-}" ]; then
    log "in-process engine benchmarks (package-benchmark; one core pinned, then all cores)"
    (cd "$HERE" && taskset -c "$CORE" swift package "${CPU_FLAGS[@]}" benchmark --target RedactScanBenchmarks --skip ".*threads.*" \
        --format markdown --no-progress) > "$OUT/inprocess-1core.md" 2> "$OUT/inprocess-1core.stderr" \
        || { cat "$OUT/inprocess-1core.md" "$OUT/inprocess-1core.stderr" >&2; die "in-process benchmarks failed"; }
    (cd "$HERE" && swift package "${CPU_FLAGS[@]}" benchmark --target RedactScanBenchmarks --filter ".*threads.*" \
        --format markdown --no-progress) > "$OUT/inprocess-allcores.md" 2> "$OUT/inprocess-allcores.stderr" \
        || { cat "$OUT/inprocess-allcores.md" "$OUT/inprocess-allcores.stderr" >&2; die "in-process benchmarks (all cores) failed"; }
fi

# ---- 8. setup and summary ---------------------------------------------------------------
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
{
    echo "# Setup of the $DATE run on $MACHINE"
    echo
    echo "| item | value |"
    echo "|---|---|"
    echo "| date (UTC) | $(date -u '+%F %H:%M') |"
    echo "| CPU | $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs, $(lscpu | sed -n 's/^Hypervisor vendor: *//p') $(lscpu | sed -n 's/^L2 cache: *//p' | sed 's/^/L2 /') $(lscpu | sed -n 's/^L3 cache: *//p' | sed 's/^/, L3 /') |"
    echo "| memory | $(free -g | awk '/^Mem:/ {print $2}') GiB |"
    echo "| OS, kernel | $(. /etc/os-release && echo "$PRETTY_NAME"), $(uname -r) |"
    echo "| Swift | $(swift --version 2>&1 | head -1) |"
    echo "| build flags | release${CPU_FLAGS:+, \`${CPU_FLAGS[*]}\`} (scripts/build-flags.sh)${LINK_FLAGS:+, \`${LINK_FLAGS[*]}\` (scripts/link-flags.sh)} |"
    echo "| redact | $("$REDACT" --version 2>&1 | sed -n 1p), built from commit $COMMIT$DIRTY |"
    echo "| PCRE2 | $(pcre2-config --version 2>/dev/null || echo unknown) (Debian libpcre2-dev), JIT |"
    echo "| package-benchmark | ordo-one/benchmark $(git -C "$HERE/.build/checkouts/benchmark" describe --tags 2>/dev/null || echo 1.38.1), MallocInterposer trait |"
    echo "| coreutils | $(cat --version | head -1) |"
    echo "| load average (1/5/15 min) | start $LOAD_START, end $LOAD_END (other developers share this machine) |"
    echo "| runs | $RUNS per configuration, median reported; one core = \`taskset -c $CORE\`; times from /usr/bin/time |"
    echo
    echo "Corpora (generated by \`redact-corpus\`, in \`benchmarks/data/\`, git-ignored):"
    echo
    for c in dense sparse; do
        echo "- \`redact-corpus $(defs "'--seed %(seed)s --size %(size)s --density %(density)s --names %(names)s' % d['corpora']['$c']") --out data/$c.txt\`: $(stat -c %s "$DATA/$c.txt") bytes, $(defs "d['corpora']['$c']['planted']") planted items"
    done
    echo "- \`redact-corpus --seed $(defs "d['names']['seed']") --names $(defs "d['names']['count']") --out data/names-10k.txt\`: the 10,000-name dictionary (the same names as the corpora's party lists)"
} > "$OUT/SETUP.md"
python3 "$HERE/tools/summarize.py" "$OUT" > "$OUT/summary.md"
log "done: $OUT"
cat "$OUT/summary.md"
