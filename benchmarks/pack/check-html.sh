#!/usr/bin/env bash
# Renders an HTML pack, loads it in a real headless browser (Debian's chromium), fails on any
# console error or failed load, and saves a screenshot (issue 5, point 3).
#
# Usage: benchmarks/pack/check-html.sh [REDACT_BINARY] [OUT_DIR]
#   REDACT_BINARY  the redact executable (default: .build/release/redact, then .build/debug/redact)
#   OUT_DIR        where the demo log, the packs and the screenshots go (default: .build/pack-check)
#
# Installs chromium with apt-get when it is missing (it needs root, as on the project's machines).
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-}
if [ -z "$bin" ]; then
  for candidate in "$here/.build/release/redact" "$here/.build/debug/redact"; do
    if [ -x "$candidate" ]; then bin=$candidate; break; fi
  done
fi
[ -n "$bin" ] && [ -x "$bin" ] || { echo "check-html: no redact binary (build first, or pass its path)" >&2; exit 2; }
out=${2:-"$here/.build/pack-check"}
mkdir -p "$out"
out=$(cd "$out" && pwd)

if ! command -v chromium >/dev/null 2>&1; then
  echo "check-html: installing chromium (Debian package)" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core fonts-liberation2 >/dev/null
fi

log="$out/demo.sqlite"
"$bin" demo-log --seed 7 --out "$log" --force >/dev/null
status=0
check() {  # name, pack options...
  local name=$1; shift
  local html="$out/$name.html" png="$out/$name.png" console="$out/$name.console.txt"
  "$bin" pack "$@" --log "$log" --format html --out "$html" 2>/dev/null
  # Nothing may be fetched: no scripts, no external URLs, no linked resources.
  if grep -Eq '<script|https?://|<link |@import| src=' "$html"; then
    echo "FAIL $name: the page refers to something outside itself" >&2; status=1
  fi
  # Load it: the console goes to stderr with --enable-logging=stderr; a failed resource or a
  # script or CSS error shows up there as a console message or a network error.
  timeout 120 chromium --headless --disable-gpu --no-sandbox --hide-scrollbars --no-first-run \
    --enable-logging=stderr --v=0 --window-size=1280,2000 --virtual-time-budget=3000 \
    --screenshot="$png" "file://$html" >/dev/null 2>"$console" || true
  if grep -Ei 'CONSOLE|Uncaught|net::ERR_|Failed to load|Refused to' "$console" | grep -v 'ERR_NETWORK_CHANGED' >"$console.errors"; then
    echo "FAIL $name: console errors:" >&2; cat "$console.errors" >&2; status=1
  fi
  [ -s "$png" ] || { echo "FAIL $name: no screenshot" >&2; status=1; }
  # Print to PDF too, to check the A4 print layout renders.
  timeout 120 chromium --headless --disable-gpu --no-sandbox --no-first-run --no-pdf-header-footer \
    --print-to-pdf="$out/$name.pdf" "file://$html" >/dev/null 2>&1 || true
  [ -s "$out/$name.pdf" ] || { echo "FAIL $name: no PDF" >&2; status=1; }
  echo "ok   $name: $png ($(wc -c <"$html") bytes of HTML)"
}
check national --national --period 2026-Q3
check area --area cps-london-north --period 2026-Q3
check published --area cps-wessex --period FY2025-26 --suppress-small 5
check empty --area cps-wessex --period 2030-01
exit $status
