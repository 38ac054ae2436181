#!/usr/bin/env bash
# The review screen and dashboard in a real browser (headless Chromium through chromedriver and
# selenium): starts `redact serve` on a free loopback port with a fresh log and fresh tokens,
# signs in, uploads a document, checks the highlighted findings, redacts a selection that
# crosses multi-byte characters, finishes, downloads the redacted copy and checks it, opens the
# dashboard as an area manager, and saves screenshots in benchmarks/serve/screenshots/.
#
# Not run in CI (too heavy). It FAILS (exit 1), never skips, when chromium, chromedriver or
# selenium is missing. To install them: apt-get install -y chromium chromium-driver; pip install selenium
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

fail() { echo "browser-check: FAIL: $*" >&2; exit 1; }
command -v chromium >/dev/null || fail "chromium is not installed (apt-get install -y chromium)"
command -v chromedriver >/dev/null || fail "chromedriver is not installed (apt-get install -y chromium-driver)"
python3 -c 'import selenium' 2>/dev/null || fail "selenium is not installed (pip install selenium)"

swift build --product redact >/dev/null
redact="$root/.build/debug/redact"
work=$(mktemp -d)
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

log="$work/log.sqlite"
operator_token=$("$redact" token create --role operator --area cps-wessex --name browser-operator --log "$log" | awk 'END { print $NF }')
manager_token=$("$redact" token create --role area-manager --area cps-wessex --name browser-manager --log "$log" | awk 'END { print $NF }')
[ -n "$operator_token" ] && [ -n "$manager_token" ] || fail "redact token create printed no token"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

"$redact" serve --port "$port" --log "$log" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
    kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; fail "redact serve exited"; }
    sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || fail "redact serve did not answer /healthz"

printf 'Witness statement (MG11)\nStatement of Zoë Ünal 😀, born 1984.\nNHS number 943 476 5919. Mobile 07700 900123.\nCafé owner Łukasz Brzęczyszczykiewicz saw the car.\n' > "$work/mg11.txt"

BASE="http://127.0.0.1:$port" OPERATOR_TOKEN="$operator_token" MANAGER_TOKEN="$manager_token" \
DOCUMENT="$work/mg11.txt" SHOTS="$root/benchmarks/serve/screenshots" \
    python3 "$root/scripts/browser-check.py"
echo "browser-check: server log lines: $(wc -l < "$work/serve.log")"
if grep -q "Zoë\|943 476 5919\|07700 900123" "$work/serve.log"; then fail "the server log holds document text"; fi
echo "browser-check: PASS"
