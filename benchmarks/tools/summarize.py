#!/usr/bin/env python3
"""Writes summary.md for one bench.sh run directory: medians from raw.csv, the in-process
package-benchmark tables (mallocs per MB), and each target from issue 2 against its figure.

usage: summarize.py RUN_DIR > RUN_DIR/summary.md
"""
import csv
import json
import os
import re
import statistics
import sys

run_dir = sys.argv[1]
here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
defs = json.load(open(os.path.join(here, "definitions", "scan.json")))

rows = list(csv.DictReader(open(os.path.join(run_dir, "raw.csv"))))
by_config = {}
for r in rows:
    by_config.setdefault((r["kind"], r["config"]), []).append(r)


def med(rs, key):
    vals = [float(r[key]) for r in rs if r[key] != ""]
    return statistics.median(vals) if vals else None


def fmt(x, digits=1):
    if x is None:
        return "–"
    if digits == 0 or abs(x) >= 1000:
        return f"{x:,.0f}"
    return f"{x:,.{digits}f}"


out = []
p = out.append
p(f"# Benchmark run {os.path.basename(run_dir)}")
p("")
p("Medians over the runs in `raw.csv`. MB = 10^6 bytes. CPU = user + system time of the whole process")
p("(`/usr/bin/time` %U + %S); wall = %e. The machine has 2 cores shared with other developers: CPU-time")
p("figures are the ones to compare; wall-clock ones are noisier. \"load before\" is the 1-minute load average")
p("just before each run (median): above 1, another job was competing for the 2 cores. See SETUP.md.")
p("")
p("## `redact scan` (CLI, end to end: process start, pack load, scan, output)")
p("")
p("| kind | configuration | runs | findings (pinned) | CPU s | wall s | MB/s (CPU) | MB/s (wall) | max RSS MiB | load before |")
p("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for (kind, config), rs in by_config.items():
    found = rs[-1]["findings"]
    expected = rs[-1]["expected"]
    f = f"{int(found):,}" if found else "–"
    if expected and found:
        f += " (ok)" if found == expected else f" (EXPECTED {int(expected):,})"
    rss = med(rs, "max_rss_kib")
    p(f"| {kind} | {config} | {len(rs)} | {f} | {fmt(med(rs, 'cpu_s'), 2)} | {fmt(med(rs, 'wall_s'), 2)} | "
      f"{fmt(med(rs, 'mb_s_cpu'))} | {fmt(med(rs, 'mb_s_wall'))} | {fmt(rss / 1024 if rss else None)} | "
      f"{fmt(med(rs, 'load1_before'), 2) if 'load1_before' in rs[0] else '–'} |")
p("")


def cpu(kind, config):
    rs = by_config.get((kind, config))
    return med(rs, "cpu_s") if rs else None


def wall(kind, config):
    rs = by_config.get((kind, config))
    return med(rs, "wall_s") if rs else None


def nbytes(kind, config):
    rs = by_config.get((kind, config))
    return int(rs[0]["bytes"]) if rs else None


startup = cpu("startup", "startup") or 0.0
startup_names = cpu("startup", "startup+names10k") or 0.0
p("## Scan only (CLI CPU time minus the startup of the same command on an empty input)")
p("")
p(f"Startup (median CPU): {startup:.2f} s without names, {startup_names:.2f} s with the 10,000-name dictionary")
p("(loading the names and building their automaton).")
p("")
p("| configuration | MB/s (CPU, end to end) | MB/s (CPU, scan only) |")
p("|---|---:|---:|")
scan_only = {}
for config, st in [("dense", startup), ("sparse", startup), ("dense+names10k", startup_names),
                   ("sparse+names10k", startup_names)]:
    c, b = cpu("one-core", config), nbytes("one-core", config)
    if c is None:
        continue
    e2e = b / 1e6 / c
    so = b / 1e6 / (c - st) if c > st else None
    scan_only[config] = so
    p(f"| {config} | {fmt(e2e)} | {fmt(so)} |")
p("")

def number(cell):
    """A package-benchmark table cell as a number ("31695", "4.17e+07"), or None ("-")."""
    try:
        return float(cell.replace(",", ""))
    except (AttributeError, ValueError):
        return None


# In-process benchmarks (package-benchmark markdown output).
inproc = {}
for name in ["inprocess-1core.md", "inprocess-allcores.md"]:
    path = os.path.join(run_dir, name)
    if not os.path.exists(path):
        continue
    bench = None
    for line in open(path):
        m = re.match(r"^### (.+)$", line.strip())
        if m:
            bench = m.group(1)
            inproc[bench] = {}
            continue
        if bench and line.startswith("|") and not line.startswith("|:") and "Metric" not in line:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) >= 4:
                inproc[bench][cells[0].rstrip(" *")] = cells[3]  # p50
if inproc:
    sizes = {c: v["bytes"] for c, v in defs["corpora"].items()}
    p("## Engine in process (package-benchmark, p50 of 3 iterations after 1 warm-up)")
    p("")
    p("Each iteration scans the whole in-memory corpus in 1 MiB blocks with the engine's overlap, as")
    p("`StreamScanner` does. MB/s from thread CPU time and from wall time; mallocs counted by")
    p("package-benchmark's malloc interposer for one iteration (the harness itself accounts for 16).")
    p("")
    p("| benchmark | MB/s (thread CPU) | MB/s (wall) | mallocs per iteration | mallocs per MB | malloc bytes per MB |")
    p("|---|---:|---:|---:|---:|---:|")
    for bench, m in inproc.items():
        corpus = "dense" if "dense" in bench else "sparse"
        mb = sizes[corpus] / 1e6
        mallocs = number(m.get("Malloc (total)"))
        mbytes = number(m.get("Malloc (bytes total)"))
        per_mb = f"{mallocs / mb:.2f}" if mallocs is not None else "–"
        bytes_per_mb = f"{mbytes / mb:,.0f}" if mbytes is not None else "–"
        p(f"| {bench} | {m.get('MB/s (thread CPU)', '–')} | {m.get('MB/s (wall)', '–')} | "
          f"{f'{mallocs:,.0f}' if mallocs is not None else '–'} | {per_mb} | {bytes_per_mb} |")
    p("")

# Targets (issue 2).
p("## Targets (issue 2, release build, one core unless said)")
p("")
p("| target | measured | met? |")
p("|---|---|---|")


def verdict(ok):
    return "yes" if ok else "**no**"


def target_row(label, value, goal, unit="MB/s", higher=True):
    if value is None:
        p(f"| {label} | – | not measured |")
        return
    ok = value >= goal if higher else value < goal
    if ok:
        p(f"| {label} | {fmt(value)} {unit} | yes |")
    else:
        short = (goal / value if higher else value / goal)
        p(f"| {label} | {fmt(value)} {unit} | **no**: {short:.1f}x short of {fmt(goal, 0)} |")


def mbs(kind, config):
    c, b = cpu(kind, config), nbytes(kind, config)
    return b / 1e6 / c if c else None


target_row("sparse, full UK pack >= 1,000 MB/s (CLI, CPU, end to end)", mbs("one-core", "sparse"), 1000)
target_row("sparse, engine in process >= 1,000 MB/s (thread CPU)",
           float(inproc["scan sparse (1 core)"]["MB/s (thread CPU)"]) if "scan sparse (1 core)" in inproc else None, 1000)
target_row("dense, full UK pack >= 300 MB/s (CLI, CPU, end to end)", mbs("one-core", "dense"), 300)
target_row("dense, engine in process >= 300 MB/s (thread CPU)",
           float(inproc["scan dense (1 core)"]["MB/s (thread CPU)"]) if "scan dense (1 core)" in inproc else None, 300)
for corpus in ["dense", "sparse"]:
    with_names, without = mbs("one-core", corpus + "+names10k"), mbs("one-core", corpus)
    if with_names and without:
        ratio = with_names / without
        p(f"| {corpus} with 10k names >= 70 % of without (CLI, end to end) | {ratio:.0%} | {verdict(ratio >= 0.7)} |")
    so, so0 = scan_only.get(corpus + "+names10k"), scan_only.get(corpus)
    if so and so0:
        ratio = so / so0
        p(f"| {corpus} with 10k names >= 70 % of without (CLI, scan only) | {ratio:.0%} | {verdict(ratio >= 0.7)} |")
    a, b = inproc.get(f"scan {corpus}+names10k (1 core)"), inproc.get(f"scan {corpus} (1 core)")
    if a and b:
        ratio = float(a["MB/s (thread CPU)"]) / float(b["MB/s (thread CPU)"])
        p(f"| {corpus} with 10k names >= 70 % of without (engine in process) | {ratio:.0%} | {verdict(ratio >= 0.7)} |")
cores = os.cpu_count()
for corpus in ["dense", "sparse"]:
    one, allc = wall("one-core", corpus), wall("all-cores", f"{corpus}-jobs{cores}")
    if one and allc:
        ratio = one / allc
        p(f"| all cores ({cores}) >= 1.8x one core, {corpus} (CLI, wall) | {ratio:.2f}x | {verdict(ratio >= 1.8)} |")
    a, b = inproc.get(f"scan {corpus} ({cores} threads)"), inproc.get(f"scan {corpus} (1 core)")
    if a and b:
        ratio = float(a["MB/s (wall)"]) / float(b["MB/s (wall)"])
        p(f"| all cores ({cores}) >= 1.8x one core, {corpus} (engine in process, wall) | {ratio:.2f}x | {verdict(ratio >= 1.8)} |")
for corpus in ["sparse", "dense"]:
    rs = by_config.get(("stdin-rss", f"stdin-4GiB-{corpus}"))
    if rs:
        rss = med(rs, "max_rss_kib") / 1024
        p(f"| 4 GiB from standard input ({corpus}): peak RSS < 64 MiB | {rss:,.1f} MiB | "
          f"{'yes' if rss < 64 else f'**no**: {rss / 64:.1f}x over'} |")
for bench in ["scan dense (1 core)", "scan sparse (1 core)"]:
    m = inproc.get(bench)
    if m and number(m.get("Malloc (total)")) is not None:
        corpus = "dense" if "dense" in bench else "sparse"
        per_mb = number(m["Malloc (total)"]) / (defs["corpora"][corpus]["bytes"] / 1e6)
        p(f"| no allocation in the scan loop: mallocs per MB recorded ({corpus}) | {per_mb:.2f} per MB | "
          f"{'yes (zero)' if per_mb < 0.1 else 'recorded; not zero'} |")
p("")
print("\n".join(out))
