#!/usr/bin/env bash
# The main job on the bundled corpus: install what is missing, build, pre-screen, redact with a
# log, score accuracy, verify the log and produce an area performance pack. Outputs go to out/
# (or $OUT); nothing under corpus/ is modified.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-out}
AREA=${AREA:-cps-london-north}
PERIOD=${PERIOD:-FY2026-27}

scripts/install-deps.sh
# Tuned to this CPU when it has AVX2 (scripts/build-flags.sh; REDACT_PORTABLE=1 for a binary
# to copy to other machines), the Swift runtime linked in (scripts/link-flags.sh).
read -ra CPU_FLAGS <<< "$(scripts/build-flags.sh) $(scripts/link-flags.sh)"
echo "== building (release${CPU_FLAGS:+, ${CPU_FLAGS[*]}})" >&2
swift build -c release --product redact "${CPU_FLAGS[@]}" >&2
BIN="$(swift build -c release --show-bin-path "${CPU_FLAGS[@]}")/redact"
export REDACT_PATTERNS="$PWD/patterns/uk"

rm -rf "$OUT"
mkdir -p "$OUT"
# The sample's documents (its truth, decoys and party lists are not documents).
mapfile -t DOCS < <(find corpus/sample -maxdepth 1 -type f ! -name '*.jsonl' ! -name '*.parties.txt' | sort)
echo "== ${#DOCS[@]} documents in corpus/sample" >&2

echo "== pre-screen (exit 1 = personal data found, as expected)" >&2
set +e
"$BIN" check --names-beside --format jsonl "${DOCS[@]}" > "$OUT/check.jsonl"
status=$?
set -e
[ "$status" -eq 1 ] || { echo "unexpected check exit status $status" >&2; exit 1; }
tail -n 1 "$OUT/check.jsonl" >&2

echo "== accuracy on the sample's ground truth" >&2
"$BIN" scan --format jsonl --names-beside "${DOCS[@]}" > "$OUT/findings.jsonl"
"$BIN" eval --truth corpus/sample/truth.jsonl --decoys corpus/sample/decoys.jsonl --root corpus/sample \
  --format table "$OUT/findings.jsonl" | tee "$OUT/accuracy.txt" | sed -n '/^overall/p;/^decoys hit/p' >&2

echo "== a year of demo log activity for every area, then the sample's own disclosures" >&2
"$BIN" demo-log --seed 1 --out "$OUT/log.sqlite" >&2
"$BIN" apply --names-beside --out "$OUT/redacted" --style label \
  --log "$OUT/log.sqlite" --area "$AREA" --case 01YE1234524 --operator demo-op-001 --recipient defence \
  "${DOCS[@]}"
echo "== QA second check of five copies (recorded in the log), and a sample for second checkers" >&2
for doc in "${DOCS[@]:0:5}"; do
  "$BIN" qa --names-beside "$doc" "$OUT/redacted/$(basename "$doc")" \
    --log "$OUT/log.sqlite" --area "$AREA" --operator demo-checker-001 --case 01YE1234524 | head -n 1 >&2
done
"$BIN" qa sample --area "$AREA" --period "$PERIOD" --rate 0.02 --seed 1 --log "$OUT/log.sqlite" > "$OUT/qa-sample.txt"
head -n 1 "$OUT/qa-sample.txt" >&2
"$BIN" log verify --log "$OUT/log.sqlite" >&2
"$BIN" log checkpoint --log "$OUT/log.sqlite" >&2

echo "== area performance pack" >&2
"$BIN" pack --area "$AREA" --period "$PERIOD" --log "$OUT/log.sqlite" --format html --out "$OUT/pack.html"
"$BIN" pack --area "$AREA" --period "$PERIOD" --log "$OUT/log.sqlite" --format json --out "$OUT/pack.json"
"$BIN" pack --national --period "$PERIOD" --log "$OUT/log.sqlite" --format html --out "$OUT/pack-national.html"

cat >&2 <<MSG
== done
  redacted copies and manifests: $OUT/redacted/
  redaction schedules:           $OUT/redacted/*.schedule.csv
  QA sample for second checkers: $OUT/qa-sample.txt
  pre-screen results:            $OUT/check.jsonl
  accuracy:                      $OUT/accuracy.txt
  log:                           $OUT/log.sqlite (verified)
  area pack:                     $OUT/pack.html ($AREA, $PERIOD), $OUT/pack.json, $OUT/pack-national.html
MSG
