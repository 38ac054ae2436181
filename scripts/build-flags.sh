#!/usr/bin/env bash
# Prints the extra `swift build` flags for a release build tuned to this machine's CPU, or
# nothing. The scripts that build `redact` for real work (run-sample.sh, the benchmarks) use it:
#
#   swift build -c release --product redact $(scripts/build-flags.sh)
#
# Why: Swift compiles for baseline x86-64 (SSE2) unless told otherwise, so the scanner's
# 32-byte SIMD (word starts, trigger bytes) runs as pairs of 16-byte operations. On an x86-64
# CPU with AVX2 and BMI2 (Intel Haswell, 2013, and AMD Zen, 2017, and later) `-target-cpu
# haswell` uses them; on this kind of machine that cut the CPU time of a scan by about a tenth
# (benchmarks/README.md).
#
# On a CPU with AVX-512 (BW and VL: Intel Skylake-SP, 2017, AMD Zen 4, 2022, and later) it
# prints `-target-cpu native` instead: LLVM then writes the same 32-byte SIMD with mask registers
# and three-input logic (vpcmpub into k registers, vpternlog). On the AMD EPYC (Zen 4)
# development machine that cut a sparse scan by 7.7 % and a dense one by 4.8 % against the
# haswell build (task-clock medians, 31 and 9 interleaved runs; faster in 23 of 31 and 6 of 9
# pairs).
#
# Such a binary stops with "illegal instruction" on a CPU without those extensions. To build
# one to copy to other machines, set REDACT_PORTABLE=1 (prints nothing). On other
# architectures it prints nothing.
set -euo pipefail

[ -z "${REDACT_PORTABLE:-}" ] || exit 0
[ "$(uname -m)" = x86_64 ] || exit 0
flags=" $(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | cut -d: -f2) "
# What LLVM's haswell model may emit in ordinary code (lzcnt is reported as abm).
for feature in sse4_2 popcnt avx avx2 bmi1 bmi2 fma f16c movbe abm; do
    [[ "$flags" == *" $feature "* ]] || exit 0
done
if [[ "$flags" == *" avx512bw "* && "$flags" == *" avx512vl "* ]]; then
    echo "-Xswiftc -target-cpu -Xswiftc native"
else
    echo "-Xswiftc -target-cpu -Xswiftc haswell"
fi
