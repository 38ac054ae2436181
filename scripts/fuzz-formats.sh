#!/usr/bin/env bash
# libFuzzer over the CSV/TSV/JSON/JSON Lines parsers and format detection (the invariants of
# RedactFormats.FormatFuzzing). Builds scripts/fuzz with -sanitize=fuzzer,address into its own
# build folder, seeds the corpus from the test fixtures, and runs for SECONDS (default 120).
# Crashes are written to scripts/fuzz/crashes/; copy them to Tests/RedactFormatsTests/Fixtures
# as fuzz-*.csv/json to keep them as regression tests.
set -euo pipefail
cd "$(dirname "$0")/fuzz"
SECONDS_TO_RUN="${1:-120}"
swift build --build-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >&2
BIN="$(swift build --build-path .build-fuzz --show-bin-path)/fuzz-formats"
mkdir -p corpus crashes
cp ../../Tests/RedactFormatsTests/Fixtures/fuzz-* corpus/ 2>/dev/null || true
printf 'Name,DOB\r\n"A ""b""",1\r\n' > corpus/seed.csv
printf '{"a": ["\\u00e9\\ud83d\\ude00", -1.5e3, true, null, {}]}\n' > corpus/seed.json
"$BIN" corpus -max_total_time="$SECONDS_TO_RUN" -max_len=4096 -timeout=10 -artifact_prefix=crashes/ -print_final_stats=1
