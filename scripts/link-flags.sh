#!/usr/bin/env bash
# Prints `--static-swift-stdlib` for `swift build` when the toolchain has the static Swift
# runtime (Linux toolchains ship it in lib/swift_static), or nothing. The scripts that build
# `redact` for real work (run-sample.sh, the benchmarks) use it beside build-flags.sh:
#
#   swift build -c release --product redact $(scripts/build-flags.sh) $(scripts/link-flags.sh)
#
# Why: linked against the shared Swift runtime and Foundation, every run of `redact` spends
# milliseconds resolving their symbols before it does anything: an empty-input scan took 25 ms
# of CPU (perf stat, 40 runs) and 18 ms linked statically, which a pipeline that runs
# `redact check` once per file pays every time. The binary is larger (190 MB, not 120 MB)
# and needs no Swift runtime on the machine it is copied to.
#
# REDACT_DYNAMIC=1 prints nothing (the shared runtime, as a plain `swift build` links).
set -euo pipefail

[ -z "${REDACT_DYNAMIC:-}" ] || exit 0
[ "$(uname -s)" = Linux ] || exit 0
swift_bin=$(readlink -f "$(command -v swift)")
[ -e "$(dirname "$swift_bin")/../lib/swift_static/linux/libswiftCore.a" ] || exit 0
echo "--static-swift-stdlib"
